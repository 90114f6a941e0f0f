package herd.kv;

/** A set ({@code json} is the value's compact JSON in UTF-8) or a delete ({@code json} null) of one key. */
public record KvWrite(KvKey key, byte[] json) {
}
