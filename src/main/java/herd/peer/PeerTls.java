package herd.peer;

import java.nio.file.Path;

/**
 * TLS for peer links: this node's private key and certificate (PEM), presented as server and as client, and the
 * certificates (PEM) it trusts for its neighbours' side. Host names are not verified: a neighbour is whoever holds
 * a trusted certificate and, inside TLS, the herd key.
 */
public record PeerTls(Path keyPem, Path certPem, Path trustPem) {
}
