/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The running network: per-port state, wires that carry real frames on virtual time, capture and hooks. */
#pragma once

#include <gio/gio.h>

#include "engine.h"
#include "frame.h"
#include "topology.h"

G_BEGIN_DECLS

typedef struct _CordSim CordSim;

/* What `show interfaces` counts for a port. */
typedef struct {
  guint64 in_packets;
  guint64 in_bytes;
  guint64 in_errors;      /* runts, giants, garbage, bad checksums */
  guint64 in_drops;       /* well-formed but not wanted (wrong VLAN, …) */
  guint64 out_packets;
  guint64 out_bytes;
  guint64 out_drops;      /* queue full or line down */
} CordPortCounters;

/* A frame handed to a wire: from one port to its peer, arriving at
 * @arrival. The frame is borrowed for the duration of the call. */
typedef struct {
  guint64          time;
  guint64          arrival;
  CordPort        *from;
  CordPort        *to;
  const CordFrame *frame;
} CordSimFrameEvent;

typedef void (*CordSimFrameHook) (CordSim                 *sim,
                                  const CordSimFrameEvent *event,
                                  gpointer                 user_data);
/* A port's line protocol went up or down. */
typedef void (*CordSimPortHook)  (CordSim                 *sim,
                                  CordPort                *port,
                                  gboolean                 up,
                                  gpointer                 user_data);

/* Runs @topology on @engine; follows every later edit of the topology.
 * The sim keeps references to both. */
CordSim       *cord_sim_new                (CordTopology  *topology,
                                            CordEngine    *engine);
void           cord_sim_free               (CordSim       *sim);
CordTopology  *cord_sim_get_topology       (CordSim       *sim);
CordEngine    *cord_sim_get_engine         (CordSim       *sim);

void           cord_sim_set_frame_hook     (CordSim          *sim,
                                            CordSimFrameHook  hook,
                                            gpointer          user_data);
void           cord_sim_set_port_hook      (CordSim          *sim,
                                            CordSimPortHook   hook,
                                            gpointer          user_data);

/* Ports. */
gboolean       cord_sim_port_is_up         (CordSim       *sim,
                                            CordPort      *port);
gboolean       cord_sim_port_get_shutdown  (CordSim       *sim,
                                            CordPort      *port);
gboolean       cord_sim_port_set_shutdown  (CordSim       *sim,
                                            CordPort      *port,
                                            gboolean       shutdown,
                                            GError       **error);
const CordPortCounters *cord_sim_port_get_counters (CordSim  *sim,
                                            CordPort      *port);
void           cord_sim_port_clear_counters (CordSim      *sim,
                                            CordPort      *port);
/* Bits per second the port runs at: the slower end of its link. */
guint64        cord_sim_port_get_bandwidth (CordSim       *sim,
                                            CordPort      *port);

/* Hands @len bytes from outside (a UDP tunnel, a fuzzer) to @port as if
 * they had arrived on its wire; ignored unless the port's line is up.
 * Anything malformed is counted as an input
 * error and dropped. */
void           cord_sim_inject             (CordSim       *sim,
                                            CordPort      *port,
                                            const guint8  *data,
                                            gsize          len);

/* Writes every frame crossing @port's link, both ways, to a pcap file. */
gboolean       cord_sim_capture_start      (CordSim       *sim,
                                            CordPort      *port,
                                            const char    *path,
                                            GError       **error);
gboolean       cord_sim_capture_stop       (CordSim       *sim,
                                            CordPort      *port,
                                            GError       **error);
/* Flushes and closes every capture; reports the first error. */
gboolean       cord_sim_capture_stop_all   (CordSim       *sim,
                                            GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CordSim, cord_sim_free)

G_END_DECLS
