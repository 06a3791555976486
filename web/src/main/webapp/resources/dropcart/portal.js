/*
 * The portal's uploads and live updates. Configuration comes from the data attributes of
 * section#upload (no inline script): the tus endpoint, where to ask for the session's current
 * access token, the socket URL, the pool picker's id, chunk size and parallelism.
 *
 * Uploads: tus 1.0.0 through tus-js-client, Authorization: Bearer <token from /portal/token>,
 * metadata filename, filetype, pool, timestamp. The upload URL is kept in localStorage under a
 * fingerprint of user, pool and file, so after a reload choosing the same file again continues
 * from the server's offset. Live updates: the /ws gateway's notifications refresh the tables;
 * while the socket is down the tables are refreshed every 30 s instead.
 */
(function () {
  'use strict';

  var section = document.getElementById('upload');
  if (!section) {
    return;
  }
  var cfg = section.dataset;
  var CHUNK = parseInt(cfg.chunkSize, 10) || 5 * 1024 * 1024;
  var PARALLEL = parseInt(cfg.parallel, 10) || 3;
  var input = document.getElementById('file-input');
  var list = document.getElementById('upload-list');
  var startButton = document.getElementById('start-upload');
  var summary = document.getElementById('upload-summary');
  var liveStatus = document.getElementById('live-status');
  var items = [];
  var running = 0;
  var counter = 0;

  if (!window.tus || !window.tus.isSupported) {
    summary.textContent = 'This browser cannot upload resumably (tus is not supported); use a current browser.';
    input.disabled = true;
    return;
  }

  /* ---- the session's access token, renewed by the server when it runs short ---- */
  var token = null;

  function accessToken() {
    if (token && token.expiresAt - Date.now() > 60000) {
      return Promise.resolve(token.value);
    }
    return fetch(cfg.tokenUrl, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
      .then(function (r) {
        var json = (r.headers.get('Content-Type') || '').indexOf('application/json') === 0;
        if (!r.ok || r.redirected || !json) {
          throw new Error('Your session has ended; sign in again (the page will keep what was uploaded).');
        }
        return r.json();
      })
      .then(function (t) {
        token = { value: t.accessToken, expiresAt: Date.now() + t.expiresIn * 1000 };
        return t.accessToken;
      });
  }

  function currentPool() {
    var select = document.getElementById(cfg.poolSelect);
    return select ? { id: select.value, name: select.options[select.selectedIndex].text } : null;
  }

  /* ---- the list of chosen files ---- */
  function size(bytes) {
    var units = ['B', 'KiB', 'MiB', 'GiB'];
    var i = 0;
    while (bytes >= 1024 && i < units.length - 1) {
      bytes /= 1024;
      i++;
    }
    return (i === 0 ? bytes : bytes.toFixed(1)) + ' ' + units[i];
  }

  function element(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      e.setAttribute(k, attrs[k]);
    });
    if (text) {
      e.textContent = text;
    }
    return e;
  }

  function addRow(file) {
    var n = counter++;
    var id = 'upload-' + n;
    var item = { n: n, file: file, state: 'ready', upload: null };
    var row = element('li', { id: id, 'class': 'dc-upload' });
    var name = element('span', { id: id + '-name', 'class': 'dc-upload-name' }, file.name);
    var meta = element('span', { 'class': 'dc-upload-size' }, size(file.size));
    var field = element('span', { 'class': 'dc-upload-ts' });
    var label = element('label', { 'for': id + '-timestamp' }, 'Timestamp');
    label.append(element('span', { 'class': 'dc-sr' }, ' of ' + file.name));
    item.timestamp = element('input', {
      type: 'text', id: id + '-timestamp', 'aria-describedby': id + '-timestamp-hint', spellcheck: 'false',
      autocomplete: 'off', size: '26'
    });
    item.timestamp.value = new Date(file.lastModified || Date.now()).toISOString();
    var hint = element('small', { id: id + '-timestamp-hint' }, 'ISO-8601 (e.g. 2026-12-03T10:00:00Z) or epoch milliseconds');
    field.append(label, item.timestamp, hint);
    // PrimeFaces' progress bar look (ui-progressbar), driven here.
    item.bar = element('div', {
      id: id + '-progress', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': '0',
      'aria-labelledby': id + '-name', 'class': 'ui-progressbar ui-widget ui-widget-content ui-corner-all'
    });
    item.barValue = element('div', { 'class': 'ui-progressbar-value ui-widget-header ui-corner-all' });
    item.barValue.style.width = '0%';
    item.bar.append(item.barValue);
    item.status = element('span', { id: id + '-status', 'class': 'dc-upload-status', 'aria-live': 'polite' }, 'Ready');
    row.append(name, meta, field, item.bar, item.status);
    list.append(row);
    item.row = row;
    items.push(item);
    // Say now whether this file was partly uploaded before (into the pool picked now).
    makeUpload(item, currentPool()).findPreviousUploads().then(function (previous) {
      if (previous.length > 0 && item.state === 'ready') {
        var p = previous[0];
        if (p.metadata && p.metadata.timestamp) {
          item.timestamp.value = p.metadata.timestamp;
        }
        setStatus(item, 'Partly uploaded before (started ' + new Date(p.creationTime).toLocaleString()
          + '): it will resume with its first timestamp');
      }
    });
  }

  function setStatus(item, text) {
    item.status.textContent = text;
  }

  function setProgress(item, sent, total) {
    var percent = total > 0 ? Math.floor((sent / total) * 100) : 100;
    item.barValue.style.width = percent + '%';
    item.bar.setAttribute('aria-valuenow', String(percent));
    item.bar.setAttribute('aria-valuetext', percent + '% (' + size(sent) + ' of ' + size(total) + ')');
    item.bar.title = percent + '%';
    return percent;
  }

  /* ---- one tus upload ---- */
  function fingerprint(file, pool) {
    return ['dropcart', cfg.user, pool.id, file.name, file.type, file.size, file.lastModified].join('|');
  }

  function makeUpload(item, pool) {
    var file = item.file;
    return new window.tus.Upload(file, {
      endpoint: cfg.endpoint,
      chunkSize: CHUNK,
      retryDelays: [0, 1000, 3000, 5000, 10000],
      removeFingerprintOnSuccess: true,
      metadata: {
        filename: file.name,
        filetype: file.type || 'application/octet-stream',
        pool: pool.id,
        timestamp: item.timestamp.value.trim()
      },
      fingerprint: function (f) {
        return Promise.resolve(fingerprint(f, pool));
      },
      onBeforeRequest: function (req) {
        return accessToken().then(function (t) {
          req.setHeader('Authorization', 'Bearer ' + t);
        });
      },
      onAfterResponse: function (req, res) {
        var status = res.getStatus();
        if (status === 401) {
          token = null;
        }
        if (req.getMethod() === 'HEAD') {
          if (status >= 200 && status < 300) {
            var offset = parseInt(res.getHeader('Upload-Offset'), 10) || 0;
            item.resumedFrom = offset;
            setProgress(item, offset, file.size);
            setStatus(item, 'Resumed from byte ' + offset + ' of ' + file.size + ' (' + size(offset) + ' already on the server)');
          } else if (status === 404 || status === 410) {
            setStatus(item, 'The earlier upload had expired on the server: starting again from the beginning');
          }
        }
      },
      onShouldRetry: function (err, attempt) {
        var status = err.originalResponse ? err.originalResponse.getStatus() : 0;
        if (status === 401) {
          token = null;
          return attempt < 2;
        }
        return !(status >= 400 && status < 500 && status !== 409 && status !== 423);
      },
      onProgress: function (sent, total) {
        var percent = setProgress(item, sent, total);
        var resumed = item.resumedFrom ? ' (resumed from byte ' + item.resumedFrom + ')' : '';
        setStatus(item, 'Uploading: ' + percent + '%, ' + size(sent) + ' of ' + size(total) + resumed);
      },
      onUploadUrlAvailable: function () {
        item.uploadId = item.upload && item.upload.url ? item.upload.url.split('/').pop() : null;
      },
      onSuccess: function () {
        setProgress(item, file.size, file.size);
        var resumed = item.resumedFrom ? ', resumed from byte ' + item.resumedFrom : '';
        finished(item, 'done', 'Uploaded to ' + pool.name + resumed + '; the server is storing it');
        if (early[item.uploadId]) {
          settled(early[item.uploadId]);
        }
        refreshSoon('history');
      },
      onError: function (err) {
        finished(item, 'failed', 'Failed: ' + reason(err));
        refreshSoon('history');
      }
    });
  }

  function reason(err) {
    var res = err && err.originalResponse;
    if (res && res.getStatus() > 0) {
      var body = (res.getBody() || '').toString().trim();
      var detail = body;
      try {
        detail = JSON.parse(body).detail || body;
      } catch (e) {
        // tus answers in plain text
      }
      return 'the server answered ' + res.getStatus() + (detail ? ': ' + detail.slice(0, 300) : '');
    }
    return err && err.message ? err.message.split('\n')[0] : 'the connection failed';
  }

  function finished(item, state, text) {
    item.state = state;
    item.row.classList.add('dc-upload-' + state);
    setStatus(item, text);
    running--;
    next();
  }

  function validTimestamp(item) {
    var text = item.timestamp.value.trim();
    var ok = /^\d{4}-\d{2}-\d{2}T/.test(text) && !isNaN(Date.parse(text)) || /^\d{9,}$/.test(text);
    item.timestamp.setAttribute('aria-invalid', ok ? 'false' : 'true');
    return ok;
  }

  /* ---- the queue: at most PARALLEL at a time ---- */
  function next() {
    while (running < PARALLEL) {
      var item = items.find(function (i) {
        return i.state === 'queued';
      });
      if (!item) {
        break;
      }
      begin(item);
    }
    var left = items.filter(function (i) {
      return i.state === 'queued' || i.state === 'running';
    }).length;
    var done = items.filter(function (i) {
      return i.state === 'done';
    }).length;
    var failed = items.filter(function (i) {
      return i.state === 'failed';
    }).length;
    summary.textContent = left > 0
      ? 'Uploading: ' + left + ' to go, ' + done + ' done' + (failed ? ', ' + failed + ' failed' : '')
      : (done + failed > 0 ? 'Finished: ' + done + ' uploaded' + (failed ? ', ' + failed + ' failed' : '') : '');
    startButton.disabled = !items.some(function (i) {
      return i.state === 'ready';
    });
  }

  function begin(item) {
    var pool = item.pool;
    item.state = 'running';
    item.timestamp.readOnly = true;
    running++;
    setStatus(item, 'Starting…');
    var upload = makeUpload(item, pool);
    item.upload = upload;
    accessToken()
      .then(function () {
        return upload.findPreviousUploads();
      })
      .then(function (previous) {
        if (previous.length > 0) {
          upload.resumeFromPreviousUpload(previous[0]);
          setStatus(item, 'Resuming an earlier upload…');
        }
        upload.start();
      })
      .catch(function (err) {
        finished(item, 'failed', 'Failed: ' + (err && err.message ? err.message : 'could not start'));
      });
  }

  input.addEventListener('change', function () {
    Array.prototype.forEach.call(input.files, addRow);
    input.value = '';
    next();
  });

  startButton.addEventListener('click', function () {
    var bad = items.filter(function (i) {
      return i.state === 'ready' && !validTimestamp(i);
    });
    if (bad.length > 0) {
      summary.textContent = 'Fix the timestamp of ' + bad.map(function (i) {
        return i.file.name;
      }).join(', ') + ' (ISO-8601 such as 2026-12-03T10:00:00Z, or epoch milliseconds).';
      bad[0].timestamp.focus();
      return;
    }
    items.forEach(function (i) {
      if (i.state === 'ready') {
        i.state = 'queued';
        i.pool = currentPool(); // the pool picked when Upload was pressed, even if another is picked meanwhile
        setStatus(i, 'Waiting for a free slot');
      }
    });
    next();
  });

  // Enter in a timestamp field starts the uploads instead of submitting a form.
  list.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && e.target.tagName === 'INPUT') {
      e.preventDefault();
      startButton.click();
    }
  });

  window.addEventListener('beforeunload', function (e) {
    if (running > 0) {
      e.preventDefault();
      e.returnValue = '';
    }
  });

  /* What the server made of an upload once stored (or refused), on the upload's own row. */
  var early = {};

  function settled(m) {
    var words = { 'file-stored': 'Stored', 'file-rejected': 'Refused by the server', 'file-failed': 'Could not be stored' };
    var item = m.uploadId && words[m.type] && items.find(function (i) {
      return i.uploadId === m.uploadId && i.state === 'done';
    });
    if (!item) {
      if (m.uploadId && words[m.type]) {
        early[m.uploadId] = m; // it may settle before the last response reaches us (an empty file does)
      }
      return;
    }
    item.row.classList.toggle('dc-upload-failed', m.type !== 'file-stored');
    item.row.classList.toggle('dc-upload-done', m.type === 'file-stored');
    setStatus(item, words[m.type] + ' in ' + item.pool.name + (m.reason ? ': ' + m.reason : ''));
  }

  /* ---- live updates over the gateway; polling while it is down ---- */
  var refreshTimers = {};

  function refreshSoon(which) {
    clearTimeout(refreshTimers[which]);
    refreshTimers[which] = setTimeout(function () {
      var command = which === 'history' ? window.dcRefreshHistory : window.dcRefreshResults;
      if (typeof command === 'function') {
        command();
      }
    }, 800);
  }

  var socket = null;
  var backoff = 1000;
  var pollTimer = null;

  function live(text, state) {
    liveStatus.textContent = 'Live updates: ' + text;
    liveStatus.setAttribute('data-state', state);
  }

  function poll(on) {
    if (on && !pollTimer) {
      pollTimer = setInterval(function () {
        refreshSoon('history');
        refreshSoon('results');
      }, 30000);
    } else if (!on && pollTimer) {
      clearInterval(pollTimer);
      pollTimer = null;
    }
  }

  function connect() {
    if (!window.WebSocket) {
      live('not supported by this browser; the tables refresh every 30 s', 'polling');
      poll(true);
      return;
    }
    live('connecting…', 'connecting');
    accessToken().then(function (t) {
      var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + cfg.socketUrl;
      socket = new WebSocket(url);
      socket.onopen = function () {
        socket.send(JSON.stringify({ type: 'connect', access_token: t }));
      };
      socket.onmessage = function (event) {
        var m;
        try {
          m = JSON.parse(event.data);
        } catch (e) {
          return;
        }
        if (m.type === 'connected') {
          backoff = 1000;
          poll(false);
          live('connected', 'connected');
          refreshSoon('results');
        } else if (m.type === 'result-ready') {
          var pool = currentPool();
          if (!pool || m.poolId === pool.id) {
            live('connected; a new result arrived: ' + (m.name || m.fileName), 'connected');
            refreshSoon('results');
          }
          refreshSoon('history');
        } else if (/^file-|^group-/.test(m.type)) {
          settled(m);
          refreshSoon('history');
        }
      };
      socket.onclose = function (event) {
        socket = null;
        if (event.code === 4401) {
          token = null; // the token ran out: the next attempt asks for a fresh one
        }
        live('disconnected; retrying in ' + Math.round(backoff / 1000) + ' s (the tables refresh every 30 s meanwhile)',
          'disconnected');
        poll(true);
        setTimeout(connect, backoff);
        backoff = Math.min(backoff * 2, 60000);
      };
    }).catch(function (err) {
      live(err.message, 'disconnected');
      poll(true);
    });
  }

  // Keep the socket alive through proxies.
  setInterval(function () {
    if (socket && socket.readyState === 1) {
      socket.send(JSON.stringify({ type: 'alive' }));
    }
  }, 45000);

  connect();
  next();
}());
