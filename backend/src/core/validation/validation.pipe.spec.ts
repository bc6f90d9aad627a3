import { Type } from 'class-transformer';
import { IsEmail, IsInt, Min, ValidateNested } from 'class-validator';
import { AppException } from '../errors/app.exception.js';
import { createValidationPipe } from './validation.pipe.js';

class Limits {
  @IsInt()
  @Min(1)
  members!: number;
}

class Body {
  @IsEmail()
  email!: string;

  @ValidateNested()
  @Type(() => Limits)
  limits!: Limits;
}

async function validate(value: unknown): Promise<AppException> {
  try {
    await createValidationPipe().transform(value, { type: 'body', metatype: Body });
  } catch (error) {
    if (error instanceof AppException) return error;
    throw error;
  }
  throw new Error('expected a validation failure');
}

describe('validation pipe', () => {
  it('answers field messages, nested fields by path', async () => {
    const error = await validate({ email: 'nope', limits: { members: 0 } });
    expect(error.code).toBe('validation');
    expect(error.options.details).toEqual([
      { field: 'email', message: 'email must be an email' },
      { field: 'limits.members', message: 'members must not be less than 1' },
    ]);
  });

  it('rejects unknown fields by name', async () => {
    const error = await validate({ email: 'a@example.com', limits: { members: 2 }, isAdmin: true });
    expect(error.options.details).toEqual([{ field: 'isAdmin', message: 'property isAdmin should not exist' }]);
  });

  it('passes a valid body through as a class instance', async () => {
    const value = await createValidationPipe().transform(
      { email: 'a@example.com', limits: { members: 2 } },
      { type: 'body', metatype: Body },
    );
    expect(value).toBeInstanceOf(Body);
  });
});
