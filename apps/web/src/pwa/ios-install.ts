// Safari on iOS never fires beforeinstallprompt: installing is a step the user takes in the Share
// menu, so the app has to say where it is.

/** An iPhone or iPad in the browser, not the installed app. iPadOS says it is a Mac with touch. */
export function needsIosInstallHint(
  nav: { userAgent: string; maxTouchPoints: number; standalone?: boolean },
  standaloneDisplay: boolean,
): boolean {
  const ios =
    /iPhone|iPad|iPod/.test(nav.userAgent) ||
    (/Macintosh/.test(nav.userAgent) && nav.maxTouchPoints > 1);
  return ios && !nav.standalone && !standaloneDisplay;
}
