/** A crash at every charged call of the map/reduce's stages; NetSuite restarts the stage (see mrCrash.ts). */
import { crashEveryCall } from './mrCrash';

crashEveryCall(true);
