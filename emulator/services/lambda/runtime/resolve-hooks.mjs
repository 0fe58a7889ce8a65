// Module resolution hooks for function processes: a bare specifier the function's own package cannot
// resolve (`@aws-sdk/client-s3`) is looked up in the emulator's node_modules, as AWS's Node.js runtimes
// provide the SDK without bundling. ESM ignores NODE_PATH, hence a hook.
let fallbackParent;

export async function initialize(data) {
  fallbackParent = data?.fallbackParent;
}

const BARE = /^(?![./]|[a-zA-Z][a-zA-Z0-9+.-]*:)/;

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (e) {
    if (fallbackParent && e?.code === 'ERR_MODULE_NOT_FOUND' && BARE.test(specifier)) {
      return nextResolve(specifier, { ...context, parentURL: fallbackParent });
    }
    throw e;
  }
}
