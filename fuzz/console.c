/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: types arbitrary keystrokes into a router's and a switch's IOS console and a PC's Command Prompt on a small lab. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ios-console.h"
#include "lab.h"

/* Input format: chunks separated by CHUNK_END (a byte no terminal sends:
 * it is never part of UTF-8). A chunk's first byte picks the console,
 * by its value modulo 3: R1, S1, PC0 (so '0', '1' and '2' in the seeds);
 * the rest are keystrokes, fed at once. After each chunk virtual time
 * runs until that console is idle (a ping, traceroute or reload ends),
 * at most CHUNK_MAX_NS, then GAP_NS more for logs and the other consoles.
 * At the end the live configs are written back into the lab, which must
 * save and load again. */
#define CHUNK_END     0xff
#define CHUNK_MAX_NS  (60 * CORD_ENGINE_NS_PER_SEC)
#define GAP_NS        (100 * CORD_ENGINE_NS_PER_MS)
/* More chunks per input would add time, not reach. */
#define MAX_CHUNKS    64u

/*   R1 Fa0/0 ── Fa0/1 S1 Fa0/2 ── Fa0 PC0        (R1 also has a WIC-2T) */
enum { FUZZ_R1, FUZZ_S1, FUZZ_PC0, FUZZ_N_CONSOLES };
static const char *const names[FUZZ_N_CONSOLES] = { "R1", "S1", "PC0" };

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* Set-up failures are bugs of the target, not findings: say so and stop. */
static void
check (gboolean    ok,
       GError     *error,
       const char *what)
{
  if (ok)
    return;
  fprintf (stderr, "fuzz console: %s: %s\n", what, error ? error->message : "failed");
  abort ();
}

static CordDevice *
add (CordTopology *topology,
     const char   *model,
     const char   *name)
{
  g_autoptr(GError) error = NULL;
  CordDevice *device = cord_topology_add_device (topology, model, name, 0, 0, &error);

  check (device != NULL, error, name);
  return device;
}

static void
link_ports (CordTopology *topology,
            CordDevice   *a,
            const char   *pa,
            CordDevice   *b,
            const char   *pb)
{
  g_autoptr(GError) error = NULL;
  CordPort *port_a = cord_device_find_port (a, pa);
  CordPort *port_b = cord_device_find_port (b, pb);

  check (port_a != NULL && port_b != NULL, NULL, pa);
  check (cord_topology_connect (topology, port_a, port_b, CORD_CABLE_AUTO, &error) != NULL,
         error, pa);
}

/* A fresh lab for every input: the consoles edit the lab (copy run start,
 * erase, reload), so a shared one would carry state from input to input
 * and a crash would not replay from its file alone. */
static CordTopology *
lab_new (void)
{
  CordTopology *topology = cord_topology_new (cord_catalog_get_default ());
  g_autoptr(GError) error = NULL;
  CordDevice *r1 = add (topology, "1841", "R1");
  CordDevice *s1 = add (topology, "2960-24TT", "S1");
  CordDevice *pc0 = add (topology, "PC-PT", "PC0");

  check (cord_topology_set_power (topology, r1, FALSE, &error), error, "R1 off");
  check (cord_topology_insert_module (topology, r1, "0/0", "WIC-2T", &error), error, "WIC-2T");
  check (cord_topology_set_power (topology, r1, TRUE, &error), error, "R1 on");
  link_ports (topology, r1, "FastEthernet0/0", s1, "FastEthernet0/1");
  link_ports (topology, s1, "FastEthernet0/2", pc0, "FastEthernet0");
  cord_topology_clear_history (topology);
  return topology;
}

/* The output goes nowhere, but through the same path a terminal's does. */
static void
on_output (CordConsole *console,
           const char  *text,
           gsize        len,
           gpointer     user_data)
{
  *(gsize *) user_data += len;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(CordTopology) topology = lab_new ();
  CordEngine *engine = cord_engine_new ();
  CordSim *sim = cord_sim_new (topology, engine);
  CordConsoles *consoles = cord_consoles_new (sim);
  CordConsole *console[FUZZ_N_CONSOLES];
  gsize printed = 0, at = 0;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(CordTopology) loaded = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < FUZZ_N_CONSOLES; i++)
    {
      console[i] = cord_consoles_lookup (consoles,
                                         cord_topology_find_device (topology, names[i]));
      check (console[i] != NULL, NULL, names[i]);
      cord_console_add_listener (console[i], on_output, &printed, NULL);
    }
  /* Let the links come up. */
  cord_engine_run_for (engine, GAP_NS);

  for (guint n = 0; n < MAX_CHUNKS && at < size; n++)
    {
      const guint8 *end = memchr (data + at, CHUNK_END, size - at);
      gsize len = end != NULL ? (gsize) (end - (data + at)) : size - at;
      CordConsole *c = console[data[at] % FUZZ_N_CONSOLES];
      g_autoptr(GError) busy = NULL;

      if (len > 1)
        cord_console_feed (c, (const char *) data + at + 1, len - 1);
      at += len + 1;
      /* Staying busy (a long traceroute, a ping of many echoes) is no
       * finding; the next chunk's keys wait, or go with the lab. */
      (void) cord_console_run_until_idle (c, CHUNK_MAX_NS, &busy);
      cord_engine_run_for (engine, GAP_NS);
    }

  /* Whatever was typed, the lab saves, and loads again. */
  cord_consoles_sync_to_topology (consoles);
  saved = cord_lab_to_bytes (topology);
  loaded = cord_lab_load_data (cord_catalog_get_default (),
                               g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                               "fuzz.pclab", &error);
  if (loaded == NULL)
    {
      fprintf (stderr, "fuzz console: the saved lab does not load: %s\n%.*s\n",
               error->message, (int) g_bytes_get_size (saved),
               (const char *) g_bytes_get_data (saved, NULL));
      abort ();
    }

  /* The consoles before the sim, the sim before the engine. */
  cord_consoles_free (consoles);
  cord_sim_free (sim);
  cord_engine_free (engine);
  return 0;
}
