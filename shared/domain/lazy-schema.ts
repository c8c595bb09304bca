// A zod schema made on first use instead of when its module loads. Issue 22 (opening a copy in 500 ms):
// every start (the app, the host, each command line and each exchange worker) built some 770 schemas at
// load, about 18 ms of its main thread and most of its first collections, while the first answer needs a
// handful. The api contract's arguments were already made on first use (method.ts); this does the same for
// the schemas modules export (records, plan file format, agreement terms, ...), without changing a caller:
// the value stands for the schema in every use (parse, safeParse, composing it into another schema, z.output).

/**
 * `make` runs once, on the first use of the returned value; every property read, `in` test and prototype
 * question is then the made schema's own. Only call it at a module's top level, for a schema that is
 * exported or composed into others: inside a function, build the schema directly.
 */
export function lazySchema<T extends object>(make: () => T): T {
  let made: T | undefined;
  const schema = (): T => (made ??= make());
  // The target stays empty: the traps answer for the made schema. zod binds its methods to the schema
  // itself (classic API), so `value.parse` called on its own still parses with the made schema.
  return new Proxy({} as T, {
    get: (_target, key) => Reflect.get(schema(), key),
    has: (_target, key) => Reflect.has(schema(), key),
    set: (_target, key, value) => Reflect.set(schema(), key, value),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
}
