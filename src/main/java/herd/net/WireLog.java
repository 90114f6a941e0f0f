package herd.net;

import herd.log.WireEvent;
import herd.log.WireText;
import io.vertx.core.buffer.Buffer;
import org.slf4j.Logger;

/**
 * What one connection logs: its opening and closing always, the lines it carries when traffic logging is on and the
 * logger's level allows. A line is logged as its first {@value #SHOWN_BYTES} bytes and a reply as its first line
 * (a WHATSAT's JSON body as its size), escaped on the log's own thread, so logging a line costs the event loop
 * only the queueing of an event. And a connection's lines are logged only while their log lines stay within
 * {@value #LOG_PER_BYTE} times the bytes the client sent, plus {@value #FIRST_ALLOWANCE} bytes: a client that
 * sends floods of tiny lines (each would cost a log line of a hundred bytes) has most of them left out, and
 * counted when the connection closes, so no client can make the log grow more than a bounded multiple of what it
 * sent.
 */
public final class WireLog {

  /** How much of a line or of a reply's first line the log shows. */
  public static final int SHOWN_BYTES = 256;
  static final int LOG_PER_BYTE = 16;
  static final int FIRST_ALLOWANCE = 64 * 1024;
  /** The most a log line of a line can take: its prefix, and every shown byte escaped as four. */
  private static final int LINE_OVERHEAD = 128;

  private final Logger log;
  private final String connection;
  private final byte[] receivedHeading;
  private final byte[] sentHeading;
  private boolean traffic;
  private long allowance = FIRST_ALLOWANCE;
  private long linesLeftOut;

  public WireLog(Logger log, String service, long id, String remote, boolean traffic) {
    this.log = log;
    this.connection = service + " conn=" + id + " " + remote;
    this.receivedHeading = WireText.heading(connection + " <-");
    this.sentHeading = WireText.heading(connection + " ->");
    this.traffic = traffic;
  }

  public void event(String what) {
    log.info("{} {}", connection, what);
  }

  public void overlong(Buffer head) {
    log.info("{} line over {} bytes", connection, head.length());
  }

  public void received(Buffer line) {
    allowance += (long) LOG_PER_BYTE * (line.length() + 1);
    if (traffic && log.isInfoEnabled() && spend(line)) {
      WireEvent.info(log, WireText.of(receivedHeading, line, SHOWN_BYTES));
    }
  }

  public void sent(Buffer reply) {
    if (traffic && log.isInfoEnabled() && spend(reply)) {
      WireEvent.info(log, WireText.of(sentHeading, reply, SHOWN_BYTES));
    }
  }

  public void closed() {
    if (linesLeftOut == 0) {
      log.info("{} closed", connection);
    } else {
      log.info("{} closed; {} lines in and out were not logged, their log would have outgrown what the client sent",
          connection, linesLeftOut);
    }
  }

  private boolean spend(Buffer bytes) {
    long cost = LINE_OVERHEAD + 4L * Math.min(bytes.length(), SHOWN_BYTES);
    if (allowance < cost) {
      linesLeftOut++;
      return false;
    }
    allowance -= cost;
    return true;
  }
}
