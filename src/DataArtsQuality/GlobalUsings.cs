// The namespaces nearly every file of the core uses; a file names only what is particular to it.
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Threading;
global using System.Threading.Tasks;
