package herd.node;

import io.vertx.core.Future;
import java.util.Set;

/** One thing a node serves (the herd protocol, metrics, calculations): the config keys it reads and how it starts. */
public interface NodeService {

  /** The top-level config keys this service reads, so that the node warns only about keys nobody reads. */
  Set<String> configKeys();

  /** Starts the service (deploying its verticles); fails with a one-line reason if it cannot. */
  Future<?> start(NodeContext node);
}
