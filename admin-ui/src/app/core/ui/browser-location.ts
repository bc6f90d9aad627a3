import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';

/**
 * Full-page navigations that leave the Angular app (single sign-on, the OAuth authorization server). A service, so
 * that unit tests can see where a page would go without leaving the test page.
 */
@Injectable({ providedIn: 'root' })
export class BrowserLocation {
  private readonly document = inject(DOCUMENT);

  assign(url: string): void {
    this.document.location.assign(url);
  }
}
