import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ApiError } from '../api/api-error';

/** Short confirmations and failures that are not tied to one form field. */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly snackBar = inject(MatSnackBar);

  success(message: string): void {
    this.snackBar.open(message, undefined, { duration: 4000 });
  }

  error(error: unknown): void {
    this.snackBar.open(ApiError.from(error).message, 'Dismiss', { duration: 8000, panelClass: 'orbit-snack-error' });
  }
}
