// The shape of the one handler table (main/api/handlers.ts): every method of the contract, given the
// session. Feature modules type their parts of the table with it.
import type { MethodArgs, MethodName, MethodResult } from '../../shared/api/contract';
import type { AppContext } from './context';

export type Handler<K extends MethodName> = (ctx: AppContext, args: MethodArgs<K>) => MethodResult<K> | Promise<MethodResult<K>>;
export type Handlers = { [K in MethodName]: Handler<K> };
