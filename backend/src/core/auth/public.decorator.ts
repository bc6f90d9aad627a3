import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'orbit:isPublic';

/** Opts a route out of authentication. Every other route is denied unless it declares a permission. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
