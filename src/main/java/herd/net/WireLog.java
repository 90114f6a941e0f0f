package herd.net;

import herd.log.LogText;
import io.vertx.core.buffer.Buffer;
import org.slf4j.Logger;

/** What one connection logs: its opening and closing always, the lines it carries when traffic logging is on. */
public final class WireLog {

  private final Logger log;
  private final String connection;
  private final boolean traffic;

  public WireLog(Logger log, String service, long id, String remote, boolean traffic) {
    this.log = log;
    this.connection = service + " conn=" + id + " " + remote;
    this.traffic = traffic;
  }

  public void event(String what) {
    log.info("{} {}", connection, what);
  }

  public void received(Buffer line) {
    if (traffic) {
      log.info("{} <- {}", connection, LogText.quote(line));
    }
  }

  public void sent(Buffer reply) {
    if (traffic) {
      log.info("{} -> {}", connection, LogText.quote(reply));
    }
  }
}
