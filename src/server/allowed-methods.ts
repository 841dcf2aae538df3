import { LinearRouter } from "hono/router/linear-router";

type Route = { method: string; path: string };

/**
 * The methods the app's routes answer on a path (GET brings HEAD, which Hono answers with
 * the GET route), for a 405's Allow header. Middleware (method "ALL") is not a route. The
 * routes are read at the first call, once the app is complete.
 */
export function allowedMethods(routes: () => readonly Route[]): (path: string) => string[] {
  let router: LinearRouter<string> | undefined;
  const methods = new Set<string>();
  return (path) => {
    if (!router) {
      router = new LinearRouter<string>();
      for (const r of routes()) {
        if (r.method === "ALL") continue;
        router.add(r.method, r.path, r.method);
        methods.add(r.method);
      }
    }
    const found = router;
    const allowed = [...methods].filter((m) => found.match(m, path)[0].length > 0);
    return allowed.flatMap((m) => (m === "GET" ? ["GET", "HEAD"] : [m]));
  };
}
