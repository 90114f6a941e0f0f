package herd.kv;

import herd.kv.KvRequests.GetRequest;
import herd.kv.KvRequests.SetRequest;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import org.slf4j.Logger;

/**
 * The key-value store's HTTP routes: the seed's ({@code /auth}, {@code /set}, {@code /get}, {@code /clusterinfo}),
 * which its client uses unchanged, the REST routes under {@code /v1/kv}, and the lookup other nodes read through.
 * Handlers only decide: requests are read by {@link KvRequests}, bodies written by {@link KvReplies}, the work done
 * by {@link KeyValues}. Every refusal is JSON, {@code {"message": "..."}}, never a stack trace.
 */
final class KvRoutes {

  private final KeyValues kv;
  private final KvLimits limits;
  private final List<String> addresses;
  private final Logger log;

  KvRoutes(KeyValues kv, KvLimits limits, List<String> addresses, Logger log) {
    this.kv = kv;
    this.limits = limits;
    this.addresses = addresses;
    this.log = log;
  }

  void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(limits.maxRequestBytes());
    guard(router.post("/auth")).handler(ctx -> reply(ctx, kv.issueToken().map(KvReplies::token)));
    guard(router.post("/set")).handler(body).handler(this::set);
    guard(router.post("/get")).handler(body).handler(this::get);
    guard(router.get("/clusterinfo")).handler(ctx -> send(ctx, 200, KvReplies.addresses(addresses)));
    guard(router.put("/v1/kv/:db/:key")).handler(body).handler(this::put);
    guard(router.get("/v1/kv/:db/:key")).handler(this::getOne);
    guard(router.delete("/v1/kv/:db/:key")).handler(this::delete);
    guard(router.get("/v1/kv/:db")).handler(this::getMany);
    guard(router.post(Lookup.PATH)).handler(body).handler(this::lookup);
  }

  private void set(RoutingContext ctx) {
    reply(ctx, authorize(ctx).compose(token -> {
      SetRequest request = KvRequests.set(bytes(ctx), limits.maxValueBytes());
      return kv.write(token, request.db(), request.items());
    }).map(KvReplies::set));
  }

  private void get(RoutingContext ctx) {
    answerRead(ctx, authorize(ctx).compose(token -> {
      GetRequest request = KvRequests.get(bytes(ctx));
      return kv.read(token, request.db(), request.keys());
    }));
  }

  private void put(RoutingContext ctx) {
    String key = ctx.pathParam("key");
    reply(ctx, authorize(ctx).compose(token -> {
      byte[] json = KvRequests.value(key, KvRequests.json(bytes(ctx)), limits.maxValueBytes());
      return kv.write(token, ctx.pathParam("db"), List.of(new KvRequests.Item(key, json)))
          .map(written -> KvReplies.one(key, json));
    }));
  }

  private void getOne(RoutingContext ctx) {
    String key = ctx.pathParam("key");
    authorize(ctx).compose(token -> kv.read(token, ctx.pathParam("db"), List.of(key))).onComplete(read -> {
      if (read.failed()) {
        refuse(ctx, read.cause());
      } else if (read.result().found().containsKey(key)) {
        send(ctx, 200, KvReplies.one(key, read.result().found().get(key)));
      } else {
        send(ctx, 404, KvReplies.problem("no key " + KvRequests.quote(key)));
      }
    });
  }

  private void getMany(RoutingContext ctx) {
    answerRead(ctx, authorize(ctx).compose(token -> kv.read(token, ctx.pathParam("db"), ctx.queryParam("key"))));
  }

  private void delete(RoutingContext ctx) {
    String key = ctx.pathParam("key");
    reply(ctx, authorize(ctx).compose(token -> kv.delete(token, ctx.pathParam("db"), key))
        .map(deleted -> KvReplies.deleted(key)));
  }

  /** Another node reading through: what this node holds itself, if it knows the token. */
  private void lookup(RoutingContext ctx) {
    String token = ctx.request().getHeader("Authorization");
    if (!KvText.isToken(token) || kv.store().token(token) == null) {
      send(ctx, 401, KvReplies.problem("unknown token"));
      return;
    }
    try {
      GetRequest request = KvRequests.get(bytes(ctx));
      send(ctx, 200, Lookup.answer(kv.store().token(token), kv.held(token, request.db(), request.keys()),
          limits.maxRequestBytes()));
    } catch (KvProblem problem) {
      refuse(ctx, problem);
    }
  }

  private Future<String> authorize(RoutingContext ctx) {
    return kv.authorize(ctx.request().getHeader("Authorization"));
  }

  /** 200 with every key's entry, or 404 with the found ones still listed and the rest in {@code not_found_keys}. */
  private void answerRead(RoutingContext ctx, Future<KeyValues.Read> read) {
    read.onComplete(done -> {
      if (done.failed()) {
        refuse(ctx, done.cause());
      } else {
        KeyValues.Read result = done.result();
        send(ctx, result.notFound().isEmpty() ? 200 : 404, KvReplies.entries(result.found(), result.notFound()));
      }
    });
  }

  private void reply(RoutingContext ctx, Future<Buffer> body) {
    body.onComplete(done -> {
      if (done.succeeded()) {
        send(ctx, 200, done.result());
      } else {
        refuse(ctx, done.cause());
      }
    });
  }

  private void refuse(RoutingContext ctx, Throwable cause) {
    if (cause instanceof KvProblem problem) {
      send(ctx, problem.status(), KvReplies.problem(problem.getMessage()));
    } else {
      log.warn("{} {} failed: {}", ctx.request().method(), ctx.request().path(), cause.toString());
      send(ctx, 500, KvReplies.problem("internal error"));
    }
  }

  /** Every route's failures: a body over the limit (413) or a handler that threw, answered in JSON all the same. */
  private Route guard(Route route) {
    return route.failureHandler(ctx -> {
      if (ctx.failure() != null) {
        refuse(ctx, ctx.failure());
      } else if (ctx.statusCode() == 413) {
        send(ctx, 413, KvReplies.problem("the body is over " + limits.maxRequestBytes() + " bytes"));
      } else {
        int status = ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
        send(ctx, status, KvReplies.problem(status == 400 ? "bad request" : "request failed"));
      }
    });
  }

  private static byte[] bytes(RoutingContext ctx) {
    Buffer body = ctx.body() == null ? null : ctx.body().buffer();
    return body == null ? new byte[0] : body.getBytes();
  }

  private static void send(RoutingContext ctx, int status, Buffer body) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(body);
  }
}
