package herd.replica;

/**
 * What a store did with an update.
 *
 * @param result   whether the update is now held ({@code NEWS}), lost to what was held ({@code STALE}), or was
 *                 refused because the store is full ({@code FULL})
 * @param replaced the version of the update it displaced, if any: no longer a winner anywhere
 */
public record Applied(Result result, Version replaced) {

  public enum Result { NEWS, STALE, FULL }

  public static final Applied STALE = new Applied(Result.STALE, null);
  public static final Applied FULL = new Applied(Result.FULL, null);
  public static final Applied ADDED = new Applied(Result.NEWS, null);

  public static Applied replacing(Version replaced) {
    return new Applied(Result.NEWS, replaced);
  }

  public boolean isNews() {
    return result == Result.NEWS;
  }
}
