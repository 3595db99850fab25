/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Internals shared by switching.c (forwarding), switching-config.c (VLANs, switchports) and mac-table.c. */
#pragma once

#include "sim-private.h"
#include "switching.h"

G_BEGIN_DECLS

/* Sets of VLANs are 4096 bits; internally they are 64 words so that the
 * forwarding path tests a bit with one shift and one mask. */
#define CORD_SWITCH_VLAN_WORDS 64u

typedef struct _CordSwitch  CordSwitch;
typedef struct _CordSwPort  CordSwPort;
typedef struct _CordMacSlot CordMacSlot;   /* mac-table-private.h */

struct _CordSwPort {
  CordSwitch  *sw;
  CordSimPort *sp;
  CordSwitchportMode     admin_mode;
  CordTrunkEncapsulation encap;
  gboolean    trunk;              /* operational mode */
  gboolean    nonegotiate;
  guint16     access_vlan;
  guint16     native_vlan;
  guint64     allowed[CORD_SWITCH_VLAN_WORDS];
};

struct _CordSwitch {
  CordSimDevice *dev;
  gboolean       bridge;
  gboolean       isl_capable;     /* trunk encapsulation defaults to negotiate */
  CordSwitchportMode default_mode;
  GPtrArray     *ports;           /* CordSwPort*, owned */

  /* The VLAN database: names by VID, and which VLANs forward Ethernet
   * frames (those in the database except 1002-1005). */
  GHashTable    *vlan_names;      /* GUINT_TO_POINTER (vid) -> char* */
  guint64        fwd_vlans[CORD_SWITCH_VLAN_WORDS];

  /* The MAC table. */
  CordMacSlot   *slots;
  guint          mask;            /* slot count - 1, or 0 with no slots */
  guint          count;
  guint          n_dynamic;
  guint          aging_s;
  guint64        aging_ns;        /* 0: entries never age */
  CordTimer      sweep;
};

static inline gboolean
_cord_vlan_words_get (const guint64 *words,
                      guint          vid)
{
  return (words[(vid >> 6) & 63] >> (vid & 63)) & 1;
}

/* Whether frames of @vid may cross @p in its operational mode. */
static inline gboolean
_cord_switch_port_carries (const CordSwPort *p,
                           guint             vid)
{
  if (p->trunk)
    return _cord_vlan_words_get (p->allowed, vid);
  return p->access_vlan == vid;
}

/* switching.c: the device state, and the lookups the public API shares */
CordSwitch    *_cord_switch_get                (CordSimDevice *dev);
CordSimDevice *_cord_switch_sim_device         (CordSim       *sim,
                                                CordDevice    *device);
CordSwitch    *_cord_switch_lookup             (CordSim       *sim,
                                                CordDevice    *device,
                                                gboolean       vlans,
                                                GError       **error);
CordSwPort    *_cord_switch_get_port           (CordSim       *sim,
                                                CordPort      *port,
                                                GError       **error);

/* switching-config.c: the VLAN database and switchport settings */
void           _cord_switch_vlan_insert        (CordSwitch    *sw,
                                                guint          vid,
                                                const char    *name);
void           _cord_switch_port_reset         (CordSwPort    *p);
gboolean       _cord_switch_check_vid          (guint          vid,
                                                GError       **error);
gboolean       _cord_switch_check_ethernet_vid (guint          vid,
                                                GError       **error);

G_END_DECLS
