package herd.net;

/**
 * Bounds on what one client can make a line connection hold: the longest line, and how many received lines may
 * wait for their replies before the socket stops reading.
 */
public record LineLimits(int maxLineBytes, int maxQueuedLines) {

  public static final LineLimits DEFAULT = new LineLimits(64 * 1024, 1024);

  public LineLimits {
    if (maxLineBytes < 1 || maxQueuedLines < 1) {
      throw new IllegalArgumentException("line limits must be positive");
    }
  }
}
