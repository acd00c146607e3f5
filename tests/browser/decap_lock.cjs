// Loaded into decap-server by the CMS tests (NODE_OPTIONS=--require). decap-server runs its
// git work one request at a time behind a lock it waits on for 3 s only; on a loaded 2-core
// machine a request can wait longer, fail ("Request timed out" in its log) and the form's
// step with it. The tests' server waits as long as the browser steps do (DECAP_LOCK_MS).
const path = require("path");
const server = path.dirname(require.resolve("decap-server/package.json"));
const mutex = require.resolve("async-mutex", { paths: [server] }); // its lib/index.js
const lock = require(path.join(path.dirname(mutex), "withTimeout.js"));
const wait = Number(process.env.DECAP_LOCK_MS);
const original = lock.withTimeout;
lock.withTimeout = (sync, timeout, error) => original(sync, wait, error);
