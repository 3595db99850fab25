/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: feeds arbitrary frames to a switch, a router, a PC and a serial line of a running lab. */
#include "config.h"

#include "frame-lab.h"

/* Input format: a sequence of records, each a 2-byte big-endian length
 * followed by that many bytes (fewer if the input ends first). Record i
 * arrives on port i % FUZZ_N_PORTS (see FuzzPort), and virtual time runs
 * on a little between records. */
#define GAP_NS        (2 * CORD_ENGINE_NS_PER_MS)
/* After the last frame: long enough for ARP retries and replies to
 * replies to settle. A frame storm that never settles shows up as a
 * libFuzzer timeout. */
#define SETTLE_NS     (3 * CORD_ENGINE_NS_PER_SEC)
/* More frames per input would add time, not reach. */
#define MAX_FRAMES    64u

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* The topology is built once. Each input runs on a fresh engine and sim,
 * so every input starts from the same state and a crash replays from its
 * input alone; building the sim also covers setup and teardown with
 * frames still in flight. */
static CordTopology *topology;
static CordPort *ports[FUZZ_N_PORTS];

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  topology = fuzz_lab_topology_new ();
  for (guint i = 0; i < FUZZ_N_PORTS; i++)
    ports[i] = fuzz_lab_port (topology, i);
  return 0;
}

/* Reads what the frames may have changed, as `show` commands will. */
static void
read_state (CordSim *sim)
{
  for (guint i = 0; i < cord_topology_get_n_devices (topology); i++)
    {
      CordDevice *device = cord_topology_get_device (topology, i);
      GArray *table;

      if (cord_switch_is_switch (sim, device))
        {
          table = cord_switch_get_mac_table (sim, device);
          if (table != NULL)
            g_array_unref (table);
        }
      table = cord_ip_get_arp (sim, device);
      if (table != NULL)
        g_array_unref (table);
      for (guint p = 0; p < device->ports->len; p++)
        (void) cord_sim_port_get_counters (sim, device->ports->pdata[p]);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(CordEngine) engine = cord_engine_new ();
  g_autoptr(CordSim) sim = cord_sim_new (topology, engine);
  gsize at = 0;

  fuzz_lab_configure (sim);
  /* Let the lines come up and the configuration settle. */
  cord_engine_run_for (engine, CORD_ENGINE_NS_PER_MS);

  for (guint n = 0; n < MAX_FRAMES && at + 2 <= size; n++)
    {
      gsize len = ((gsize) data[at] << 8) | data[at + 1];

      at += 2;
      len = MIN (len, size - at);
      cord_sim_inject (sim, ports[n % FUZZ_N_PORTS], data + at, len);
      at += len;
      cord_engine_run_for (engine, GAP_NS);
    }
  cord_engine_run_for (engine, SETTLE_NS);
  read_state (sim);
  return 0;
}
