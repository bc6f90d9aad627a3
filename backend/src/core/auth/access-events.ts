import { Injectable, Logger } from '@nestjs/common';

/** A user lost access: to one team (removed from it) or to everything (`teamId` null: disabled or deleted). */
export interface AccessEnded {
  userId: string;
  teamId: string | null;
  reason: 'member-removed' | 'user-disabled' | 'user-deleted';
}

type Listener = (event: AccessEnded) => Promise<void>;

/**
 * Identity announces here when a user's access ends; OAuth listens and revokes the user's tokens on satellites. A
 * listener's failure is logged and never undoes the change that caused it.
 */
@Injectable()
export class AccessEvents {
  private readonly logger = new Logger(AccessEvents.name);
  private readonly listeners: Listener[] = [];

  onAccessEnded(listener: Listener): void {
    this.listeners.push(listener);
  }

  async accessEnded(event: AccessEnded): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(event);
      } catch (error) {
        this.logger.warn(
          `access of user ${event.userId} ended (${event.reason}), but a listener failed: ${(error as Error).message}`,
        );
      }
    }
  }
}
