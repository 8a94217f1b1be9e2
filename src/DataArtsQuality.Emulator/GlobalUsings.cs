// The emulator's own layers and the JSON DOM every endpoint answers with.
global using System.Globalization;
global using System.Text.Json.Nodes;
global using DataArtsQuality.Emulator.Endpoints;
global using DataArtsQuality.Emulator.Faults;
global using DataArtsQuality.Emulator.Gateway;
global using DataArtsQuality.Emulator.State;
