/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Internals of the MAC address table (mac-table.c): its slots, and the lookups forwarding inlines. */
#pragma once

#include "switching-private.h"

G_BEGIN_DECLS

/* One slot of the open-addressing MAC table. @key packs the VLAN into
 * bits 48-59 and the address into bits 0-47; 0 marks an empty slot
 * (VLAN 0 never enters the table). */
struct _CordMacSlot {
  guint64     key;
  guint64     last_seen;
  CordSwPort *port;
  gboolean    is_static;
};

static inline guint64
_cord_mac_key (guint          vid,
               const CordMac *mac)
{
  const guint8 *b = mac->b;

  return ((guint64) vid << 48) |
         ((guint64) b[0] << 40) | ((guint64) b[1] << 32) | ((guint64) b[2] << 24) |
         ((guint64) b[3] << 16) | ((guint64) b[4] << 8) | (guint64) b[5];
}

/* MurmurHash3's finaliser: every key bit, the VLAN's included, reaches
 * the low bits taken here. */
static inline guint
_cord_mac_key_slot (guint64 key,
                    guint   mask)
{
  key ^= key >> 33;
  key *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  key ^= key >> 33;
  return (guint) key & mask;
}

static inline gboolean
_cord_mac_slot_expired (const CordSwitch  *sw,
                        const CordMacSlot *s,
                        guint64            now)
{
  /* An entry refreshed at t is gone for lookups at t + aging. */
  return !s->is_static && sw->aging_ns != 0 && now - s->last_seen >= sw->aging_ns;
}

static inline CordMacSlot *
_cord_mac_find (CordSwitch *sw,
                guint64     key)
{
  guint i;

  if (sw->slots == NULL)
    return NULL;
  for (i = _cord_mac_key_slot (key, sw->mask); sw->slots[i].key != 0; i = (i + 1) & sw->mask)
    if (sw->slots[i].key == key)
      return &sw->slots[i];
  return NULL;
}

/* mac-table.c */
typedef gboolean (*CordMacPredicate) (const CordSwitch  *sw,
                                      const CordMacSlot *slot,
                                      gconstpointer      data);

/* Adds an entry known to be absent; NULL when the table is full. */
CordMacSlot *_cord_mac_insert               (CordSwitch        *sw,
                                             guint64            key,
                                             CordSwPort        *port,
                                             gboolean           is_static,
                                             guint64            now);
/* Deletes every entry @drop picks. */
void         _cord_mac_remove_if            (CordSwitch        *sw,
                                             CordMacPredicate   drop,
                                             gconstpointer      data);
gboolean     _cord_mac_drop_dynamic_on_port (const CordSwitch  *sw,
                                             const CordMacSlot *slot,
                                             gconstpointer      data);
gboolean     _cord_mac_drop_any_on_port     (const CordSwitch  *sw,
                                             const CordMacSlot *slot,
                                             gconstpointer      data);
gboolean     _cord_mac_drop_any_in_vlan     (const CordSwitch  *sw,
                                             const CordMacSlot *slot,
                                             gconstpointer      data);
void         _cord_mac_clear_all            (CordSwitch        *sw);
/* The aging sweep's timer callback (sw->sweep). */
void         _cord_mac_sweep_fired          (CordEngine        *engine,
                                             gpointer           a,
                                             gpointer           b);

G_END_DECLS
