/** A crash at every charged call of a handed-over import; the whole job stops (see mrCrash.ts). */
import { crashEveryCall } from './mrCrash';

crashEveryCall(false);
