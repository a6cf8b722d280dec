// The folder layering of apps/web, checked by `pnpm lint` (dependency-cruiser). An import that
// runs upward, or between two features outside the declared list below, fails the lint.
//
//   app/  ->  features/*  ->  components/, hooks/  ->  lib/  ->  config/
//   app/  ->  server/{room,orderbook}  ->  server/shared  ->  config/
//
// Features import each other only along FEATURE_DEPS: a feature lists the features it may use,
// and the list is acyclic (checked when this file loads), so no two features import each other.
// A newcomer's feature adds a line here naming what it uses.

/** feature -> the features it may import. */
const FEATURE_DEPS = {
  tx: [],
  tokens: [],
  node: [],
  relays: [],
  wallet: ["tokens", "tx"],
  devWallet: ["wallet"],
  events: ["node", "tx"],
  indexer: ["events", "tokens"],
  reputation: ["indexer", "tokens"],
  marketData: ["indexer", "tokens", "tx"],
  trades: ["events", "marketData", "tokens"],
  signedOffers: ["relays", "reputation", "tokens", "trades", "tx", "wallet"],
  room: ["marketData", "relays", "signedOffers"],
  attention: ["deals", "marketData", "room"],
  offers: ["events", "indexer", "reputation", "signedOffers", "tokens", "trades", "tx", "wallet"],
  deals: ["events", "indexer", "marketData", "reputation", "room", "signedOffers", "tokens", "trades", "tx", "wallet"],
  market: ["deals", "indexer", "marketData", "offers", "reputation", "signedOffers", "tokens", "wallet"],
};

function assertAcyclic(deps) {
  const state = {};
  const visit = (name, path) => {
    if (state[name] === "done") return;
    if (state[name] === "visiting") throw new Error(`FEATURE_DEPS has a cycle: ${[...path, name].join(" -> ")}`);
    state[name] = "visiting";
    for (const next of deps[name] ?? []) {
      if (!(next in deps)) throw new Error(`FEATURE_DEPS: ${name} lists unknown feature ${next}`);
      visit(next, [...path, name]);
    }
    state[name] = "done";
  };
  for (const name of Object.keys(deps)) visit(name, []);
}
assertAcyclic(FEATURE_DEPS);

const featureRules = Object.entries(FEATURE_DEPS).map(([feature, allowed]) => ({
  name: `feature-${feature}`,
  comment: `features/${feature} may import only these features: ${allowed.join(", ") || "none"} (FEATURE_DEPS).`,
  severity: "error",
  from: { path: `^src/features/${feature}/` },
  to: {
    path: "^src/features/([^/]+)/",
    pathNot: [`^src/features/(${[feature, ...allowed].join("|")})/`],
  },
}));

/** A layer rule: nothing under `from` imports anything under `to`. */
const forbid = (name, comment, from, to) => ({ name, comment, severity: "error", from: { path: from }, to: { path: to } });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "Modules must not import each other in a circle.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "unknown-feature",
      comment: "Every folder in src/features is listed in FEATURE_DEPS (.dependency-cruiser.cjs).",
      severity: "error",
      from: { path: "^src/features/", pathNot: [`^src/features/(${Object.keys(FEATURE_DEPS).join("|")})/`] },
      to: {},
    },
    ...featureRules,
    forbid("features-not-up", "Features do not import pages (app/) or the server.", "^src/features/", "^src/(app|server)/"),
    forbid(
      "shared-ui-not-up",
      "components/ and hooks/ are below every feature: they import only lib/, config/ (and each other).",
      "^src/(components|hooks)/",
      "^src/(app|features|server)/",
    ),
    forbid("lib-not-up", "lib/ imports only config/ (and itself).", "^src/lib/", "^src/(app|features|server|components|hooks)/"),
    forbid(
      "config-not-up",
      "config/ is the bottom layer: it imports nothing else in src.",
      "^src/config/",
      "^src/(app|features|server|components|hooks|lib)/",
    ),
    forbid(
      "server-not-ui",
      "The server imports no browser code (features, components, hooks, app).",
      "^src/server/",
      "^src/(app|features|components|hooks)/",
    ),
    forbid(
      "server-shared-not-up",
      "server/shared serves the deal room and the order book; it imports neither.",
      "^src/server/shared/",
      "^src/server/(room|orderbook)/",
    ),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)\\.next" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
