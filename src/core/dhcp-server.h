/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The DHCP server of routers (IOS `ip dhcp pool`): pools, excluded addresses and the bindings it hands out. */
#pragma once

#include "sim.h"

G_BEGIN_DECLS

/* IOS leases for one day unless a pool's `lease` says otherwise. */
#define CORD_DHCP_DEFAULT_LEASE_S  86400u
#define CORD_DHCP_LEASE_INFINITE   G_MAXUINT32

/* How many pools, excluded ranges and bindings one router keeps. */
#define CORD_DHCP_MAX_POOLS        256u
#define CORD_DHCP_MAX_EXCLUDED     1024u
#define CORD_DHCP_MAX_BINDINGS     4096u

/* One `ip dhcp pool NAME` and what its (dhcp-config) lines set; 0 or
 * NULL where a line is not there. */
typedef struct {
  char    *name;
  guint32  network;
  guint32  mask;
  guint32  router;    /* default-router */
  guint32  dns;       /* dns-server */
  char    *domain;    /* domain-name */
  guint32  lease_s;   /* 0: the default; CORD_DHCP_LEASE_INFINITE */
} CordDhcpPool;

/* `ip dhcp excluded-address LOW [HIGH]`; @high equals @low for one address. */
typedef struct {
  guint32 low;
  guint32 high;
} CordDhcpRange;

/* An address the server has given out (not one only offered). */
typedef struct {
  guint32 address;
  guint64 mac;        /* the client's hardware address */
  guint64 start;      /* virtual time of the ACK */
  guint32 lease_s;
} CordDhcpBinding;

void      cord_dhcp_pool_clear            (CordDhcpPool        *pool);

/* Adds the pool @pool->name, or replaces the one of that name. A pool's
 * network must not overlap another pool's. */
gboolean  cord_dhcp_server_set_pool       (CordSim             *sim,
                                           CordDevice          *device,
                                           const CordDhcpPool  *pool,
                                           GError             **error);
/* TRUE, and a copy in @pool (clear it), when the pool exists. */
gboolean  cord_dhcp_server_get_pool       (CordSim             *sim,
                                           CordDevice          *device,
                                           const char          *name,
                                           CordDhcpPool        *pool);
/* `no ip dhcp pool NAME`: its bindings go with it. */
gboolean  cord_dhcp_server_remove_pool    (CordSim             *sim,
                                           CordDevice          *device,
                                           const char          *name,
                                           GError             **error);
/* CordDhcpPool (cleared with the array) in the order they were made;
 * NULL when @device is not a router. */
GArray   *cord_dhcp_server_list_pools     (CordSim             *sim,
                                           CordDevice          *device);

/* Excludes [@low, @high] (@exclude) or takes the exclusion of exactly
 * that range back. */
gboolean  cord_dhcp_server_exclude        (CordSim             *sim,
                                           CordDevice          *device,
                                           guint32              low,
                                           guint32              high,
                                           gboolean             exclude,
                                           GError             **error);
/* CordDhcpRange, in the order IOS writes them (by address). */
GArray   *cord_dhcp_server_list_excluded  (CordSim             *sim,
                                           CordDevice          *device);

/* `service dhcp`, on by default. */
gboolean  cord_dhcp_server_set_enabled    (CordSim             *sim,
                                           CordDevice          *device,
                                           gboolean             enabled,
                                           GError             **error);
gboolean  cord_dhcp_server_get_enabled    (CordSim             *sim,
                                           CordDevice          *device);

/* CordDhcpBinding, by address. */
GArray   *cord_dhcp_server_list_bindings  (CordSim             *sim,
                                           CordDevice          *device);
/* `clear ip dhcp binding`: @address, or every binding when 0. FALSE
 * with an error when @address has none. */
gboolean  cord_dhcp_server_clear_bindings (CordSim             *sim,
                                           CordDevice          *device,
                                           guint32              address,
                                           GError             **error);

G_END_DECLS
