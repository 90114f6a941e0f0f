package herd.peer;

import java.util.concurrent.atomic.LongAdder;

/** Lines and bytes a neighbour's links carried each way, over all its links. */
final class Traffic {

  final LongAdder messagesIn = new LongAdder();
  final LongAdder bytesIn = new LongAdder();
  final LongAdder messagesOut = new LongAdder();
  final LongAdder bytesOut = new LongAdder();
}
