import type { Locator, Page } from 'playwright-core';

/** Signs in through the console's login page and waits for the shell. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL(/\/login/);
}

/**
 * Clicks what opens a dialog and waits until the dialog holds the focus. Material moves the focus to a dialog's first
 * field when its opening animation ends: text filled into another field before that moment lands in the first one
 * (a password typed into the email field, as a slow machine showed).
 */
export async function openDialog(page: Page, trigger: Locator): Promise<void> {
  await trigger.click();
  await dialogOpened(page);
}

/** Waits until a dialog (the one holding `testId`, when given) has finished opening: it holds the focus. */
export async function dialogOpened(page: Page, testId?: string): Promise<void> {
  await page.waitForFunction((inside) => {
    const dialog = document.activeElement?.closest('mat-dialog-container');
    return dialog != null && (inside === null || dialog.querySelector(`[data-testid="${inside}"]`) != null);
  }, testId ?? null);
}
