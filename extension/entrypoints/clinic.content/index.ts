import { CLINIC_ORIGIN } from '@@/shared/extension-identity';

export default defineContentScript({
  matches: [`${CLINIC_ORIGIN}/*`],
  main() {},
});
