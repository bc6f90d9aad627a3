/** Injection token of the shared ioredis client (health checks and small reads). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
/** Injection token of the BullMQ connection settings `{connection, prefix}`. */
export const QUEUE_SETTINGS = Symbol('QUEUE_SETTINGS');
