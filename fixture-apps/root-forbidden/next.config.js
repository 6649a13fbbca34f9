/** A fixture app whose root layout calls forbidden(), which the forbidden doc says it cannot. */
module.exports = {
  experimental: { authInterrupts: true },
}
