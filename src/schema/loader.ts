/**
 * Batches the loads one request makes in the same tick into one call, so that resolving a field on
 * every item of a list costs one query, not one per item. Loaders live as long as the request's
 * context.
 */
export function requestLoader<C extends object, K, V>(load: (context: C, keys: readonly K[]) => Promise<Map<K, V>>) {
  const perContext = new WeakMap<C, (key: K) => Promise<V | undefined>>();
  return (context: C, key: K): Promise<V | undefined> => {
    let get = perContext.get(context);
    if (!get) {
      let pending: { key: K; resolve: (value: V | undefined) => void; reject: (error: unknown) => void }[] = [];
      get = (key) =>
        new Promise((resolve, reject) => {
          if (pending.length === 0) {
            queueMicrotask(() => {
              const batch = pending;
              pending = [];
              load(context, [...new Set(batch.map((item) => item.key))]).then(
                (values) => {
                  for (const item of batch) item.resolve(values.get(item.key));
                },
                (error) => {
                  for (const item of batch) item.reject(error);
                },
              );
            });
          }
          pending.push({ key, resolve, reject });
        });
      perContext.set(context, get);
    }
    return get(key);
  };
}
