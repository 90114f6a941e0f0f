package herd.net;

import herd.log.WireText;
import io.vertx.core.buffer.Buffer;
import org.slf4j.Logger;

/**
 * What one connection logs: its opening and closing always, the lines it carries when traffic logging is on and the
 * logger's level allows. A line is logged as its first {@value #SHOWN_BYTES} bytes and a reply as its first line
 * (a WHATSAT's JSON body as its size), escaped on the log's own thread, so logging a line costs the event loop
 * only the queueing of an event, and no client can make the log grow more than a bounded multiple of what it sent.
 */
public final class WireLog {

  /** How much of a line or of a reply's first line the log shows. */
  public static final int SHOWN_BYTES = 256;

  private final Logger log;
  private final String connection;
  private boolean traffic;

  public WireLog(Logger log, String service, long id, String remote, boolean traffic) {
    this.log = log;
    this.connection = service + " conn=" + id + " " + remote;
    this.traffic = traffic;
  }

  /** Stops logging lines, for connections whose messages their handlers log themselves. */
  public void quiet() {
    traffic = false;
  }

  public void event(String what) {
    log.info("{} {}", connection, what);
  }

  public void overlong(Buffer head) {
    log.info("{} line over {} bytes", connection, head.length());
  }

  public void received(Buffer line) {
    if (traffic && log.isInfoEnabled()) {
      log.info("{} <- {}", connection, WireText.of(line, SHOWN_BYTES));
    }
  }

  public void sent(Buffer reply) {
    if (traffic && log.isInfoEnabled()) {
      log.info("{} -> {}", connection, WireText.of(reply, SHOWN_BYTES));
    }
  }
}
