package org.dropcart.pool.interfaces.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import org.dropcart.group.application.ProcessorView;
import org.dropcart.group.application.Processors;
import org.dropcart.identity.interfaces.console.WebSession;
import org.dropcart.platform.domain.Listing;
import org.dropcart.platform.domain.Page;
import org.dropcart.platform.interfaces.console.LazyTable;
import org.dropcart.platform.interfaces.console.Messages;
import org.dropcart.pool.application.MemberView;
import org.dropcart.pool.application.PoolService;
import org.dropcart.pool.application.PoolView;

/**
 * The console's pools page: every pool with its grouping and processor settings and member count;
 * an admin creates a pool, and on a selected pool admits and removes members, changes how it
 * groups files and sets or removes its processor. The same services and rules as the pools API.
 */
@Named
@ViewScoped
public class PoolsPage implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A pool's row: the pool and its processor, if it has one. */
  public record PoolRow(PoolView pool, ProcessorView processor) implements Serializable {}

  @Inject private PoolService pools;
  @Inject private Processors processors;
  @Inject private WebSession session;

  private final LazyTable<PoolRow> table = new LazyTable<>(this::rows, r -> r.pool().id());
  private final LazyTable<MemberView> members =
      new LazyTable<>(this::memberRows, MemberView::clientName);

  private String name;
  private String groupingWindow;
  private String lateness;
  private String latePolicy;
  private PoolView selected;
  private String memberUsername;
  private String window;
  private String grace;
  private String policy;
  private String processorUrl;
  private String processorSecret;
  private String processorTrigger;
  private boolean hasProcessor;

  private Page<PoolRow> rows(Listing listing) {
    Page<PoolView> page = pools.list(listing, session.caller());
    Map<String, ProcessorView> of = processors.ofPools(page.items().stream().map(PoolView::id).toList(),
        session.caller());
    return page.map(p -> new PoolRow(p, of.get(p.id())));
  }

  private Page<MemberView> memberRows(Listing listing) {
    return pools.members(selected.id(), session.caller(), listing.page());
  }

  public void create() {
    Messages.attempt(() -> {
      PoolView pool = pools.create(name, groupingWindow, lateness, latePolicy, session.caller());
      name = null;
      groupingWindow = null;
      lateness = null;
      latePolicy = null;
      open(new PoolRow(pool, null));
      return "Pool '" + pool.name() + "' created.";
    });
  }

  /** Shows one pool's members and settings below the table. */
  public void open(PoolRow row) {
    selected = row.pool();
    window = selected.groupingWindow();
    grace = selected.lateness();
    policy = selected.latePolicy();
    ProcessorView processor = row.processor();
    hasProcessor = processor != null;
    processorUrl = processor == null ? null : processor.url();
    processorTrigger = processor == null ? "on-seal" : processor.trigger();
    processorSecret = null;
    memberUsername = null;
  }

  public void close() {
    selected = null;
  }

  public void admit() {
    Messages.attempt(() -> {
      MemberView member = pools.admit(selected.id(), memberUsername, session.caller());
      memberUsername = null;
      refresh();
      return "'" + member.clientName() + "' is now a member of '" + selected.name() + "'.";
    });
  }

  public void dismiss(MemberView member) {
    Messages.attempt(() -> {
      pools.dismiss(selected.id(), member.clientName(), session.caller());
      refresh();
      return "'" + member.clientName() + "' is no longer a member of '" + selected.name() + "'.";
    });
  }

  public void regroup() {
    Messages.attempt(() -> {
      selected = pools.regroup(selected.id(), window, grace, policy, session.caller());
      return "Grouping of '" + selected.name() + "' saved; groups already open keep their bounds.";
    });
  }

  public void saveProcessor() {
    Messages.attempt(() -> {
      ProcessorView saved = processors.configure(selected.id(), processorUrl, processorSecret, processorTrigger,
          session.caller());
      processorSecret = null;
      hasProcessor = true;
      processorUrl = saved.url();
      processorTrigger = saved.trigger();
      return "Processor of '" + selected.name() + "' saved.";
    });
  }

  public void removeProcessor() {
    Messages.attempt(() -> {
      processors.remove(selected.id(), session.caller());
      hasProcessor = false;
      processorUrl = null;
      processorSecret = null;
      return "Processor of '" + selected.name() + "' removed.";
    });
  }

  /** The selected pool as it is now (its member count changed). */
  private void refresh() {
    selected = pools.pool(selected.id(), session.caller());
  }

  public LazyTable<PoolRow> getTable() {
    return table;
  }

  public LazyTable<MemberView> getMembers() {
    return members;
  }

  public PoolView getSelected() {
    return selected;
  }

  public boolean isHasProcessor() {
    return hasProcessor;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getGroupingWindow() {
    return groupingWindow;
  }

  public void setGroupingWindow(String groupingWindow) {
    this.groupingWindow = groupingWindow;
  }

  public String getLateness() {
    return lateness;
  }

  public void setLateness(String lateness) {
    this.lateness = lateness;
  }

  public String getLatePolicy() {
    return latePolicy;
  }

  public void setLatePolicy(String latePolicy) {
    this.latePolicy = latePolicy;
  }

  public String getMemberUsername() {
    return memberUsername;
  }

  public void setMemberUsername(String memberUsername) {
    this.memberUsername = memberUsername;
  }

  public String getWindow() {
    return window;
  }

  public void setWindow(String window) {
    this.window = window;
  }

  public String getGrace() {
    return grace;
  }

  public void setGrace(String grace) {
    this.grace = grace;
  }

  public String getPolicy() {
    return policy;
  }

  public void setPolicy(String policy) {
    this.policy = policy;
  }

  public String getProcessorUrl() {
    return processorUrl;
  }

  public void setProcessorUrl(String processorUrl) {
    this.processorUrl = processorUrl;
  }

  public String getProcessorSecret() {
    return processorSecret;
  }

  public void setProcessorSecret(String processorSecret) {
    this.processorSecret = processorSecret;
  }

  public String getProcessorTrigger() {
    return processorTrigger;
  }

  public void setProcessorTrigger(String processorTrigger) {
    this.processorTrigger = processorTrigger;
  }
}
