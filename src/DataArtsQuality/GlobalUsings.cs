// The namespaces most files of the module use; a file names only what is particular to it. PowerShell's own
// namespaces (System.Management.Automation*) and the PowerShell-facing layers (Session, Completers) stay out of
// this list, so the core (Client/, Models/) cannot reach them by accident; tests/pester/Architecture.Tests.ps1
// checks that it does not.
global using System;
global using System.Collections;
global using System.Collections.Generic;
global using System.Globalization;
global using System.IO;
global using System.Linq;
global using System.Net;
global using System.Net.Http;
global using System.Security;
global using System.Text;
global using System.Text.Json;
global using System.Text.Json.Serialization;
global using System.Threading;
global using System.Threading.Tasks;
global using DataArtsQuality.Client;
global using DataArtsQuality.Client.Json;
global using DataArtsQuality.Client.Wire;
global using DataArtsQuality.Models;
