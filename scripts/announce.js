// Says a build is ready once webpack has finished it, not before: `npm start` prints its URL through this, so the
// URL appears when the page it names can be loaded (it used to appear after a fixed 8 s, often before webpack was
// done). A failed build says so, and the URL follows the first build that succeeds.

/**
 * Calls `announce` once, after the first successful build of `compiler` (webpack's `done` hook: "Executed when the
 * compilation has completed"); `failed(stats)` after each build with errors.
 */
function announceWhenBuilt(compiler, announce, failed = () => undefined) {
  let announced = false;
  compiler.hooks.done.tap("StarScoreAnnounce", (stats) => {
    if (stats.hasErrors()) {
      failed(stats);
      return;
    }
    if (announced) return;
    announced = true;
    announce();
  });
}

module.exports = { announceWhenBuilt };
