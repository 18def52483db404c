/** Export, import and library dialogs (being built). */
export function ExchangeDialogs() {
  return null;
}
