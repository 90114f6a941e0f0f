package herd.net;

import java.time.Duration;

/**
 * Bounds on what one client can make a line connection hold: the longest line; how many received lines, and how
 * many bytes of received lines and of replies not yet on the wire, may wait before the socket stops reading; and how
 * long the connection may make no progress (no complete line in, no reply bytes out) before it is closed.
 */
public record LineLimits(int maxLineBytes, int maxQueuedLines, int maxQueuedBytes, Duration idleTimeout) {

  public static final LineLimits DEFAULT = new LineLimits(64 * 1024, 1024, 256 * 1024, Duration.ofMinutes(5));

  public LineLimits {
    if (maxLineBytes < 1 || maxQueuedLines < 1 || maxQueuedBytes < 1 || idleTimeout.toMillis() < 1) {
      throw new IllegalArgumentException("line limits must be positive");
    }
  }

  public LineLimits withMaxLineBytes(int bytes) {
    return new LineLimits(bytes, maxQueuedLines, maxQueuedBytes, idleTimeout);
  }

  public LineLimits withIdleTimeout(Duration timeout) {
    return new LineLimits(maxLineBytes, maxQueuedLines, maxQueuedBytes, timeout);
  }
}
