package org.dropcart.group.application;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/** Posts a manifest to a processor. */
public interface ProcessorClient {
  /** Posts the JSON body with the headers; returns the processor's HTTP status. */
  int post(URI url, byte[] body, Map<String, String> headers) throws IOException;
}
