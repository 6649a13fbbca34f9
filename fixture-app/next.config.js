/** `forbidden()` and `unauthorized()` from next/navigation need this flag. */
module.exports = {
  experimental: { authInterrupts: true },
}
