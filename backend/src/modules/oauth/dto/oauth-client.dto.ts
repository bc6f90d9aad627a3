import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  OAUTH_CONSOLE_GRANTS,
  type CreateOAuthClientRequest,
  type OAuthConsentRequest,
  type OAuthConsoleGrant,
} from '@orbit/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';

export class CreateOAuthClientDto implements CreateOAuthClientRequest {
  @ApiProperty({ maxLength: 100, example: 'CI pipeline' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiPropertyOptional({ enum: OAUTH_CONSOLE_GRANTS, isArray: true, default: ['client_credentials'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(OAUTH_CONSOLE_GRANTS, { each: true, message: `each grant must be one of: ${OAUTH_CONSOLE_GRANTS.join(', ')}` })
  grantTypes?: OAuthConsoleGrant[];

  @ApiPropertyOptional({
    type: [String],
    description:
      'Required with authorization_code: exact https URIs, http on 127.0.0.1/localhost/[::1] (any port), or allowed private-use schemes',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  redirectUris?: string[];
}

export class OAuthConsentDto implements OAuthConsentRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  teamId!: string;
}
