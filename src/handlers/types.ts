export type { OperationId } from '../api-types.js';
export type { HandlerMap, OperationHandler, OperationRequest, OperationResponse } from '../http/operation-types.js';
