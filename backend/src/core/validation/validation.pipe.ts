import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@orbit/contracts';
import { AppException } from '../errors/app.exception.js';

/** Flattens class-validator's nested errors into `{field: "a.b[0].c", message}` pairs. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field =
      parent === ''
        ? error.property
        : /^\d+$/.test(error.property)
          ? `${parent}[${error.property}]`
          : `${parent}.${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Whitelists, rejects unknown fields and transforms; failures become a 400 with field messages. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => AppException.validation(flattenValidationErrors(errors)),
  });
}
