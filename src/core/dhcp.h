/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The DHCP client of end devices: DISCOVER, OFFER, REQUEST, ACK on the wire, retries on virtual time, APIPA when it fails. */
#pragma once

#include "sim.h"

G_BEGIN_DECLS

/* The wire format (RFC 2131, RFC 2132), for the client and for tests that
 * play the server. */
#define CORD_DHCP_SERVER_PORT     67u
#define CORD_DHCP_CLIENT_PORT     68u
#define CORD_DHCP_MAGIC_COOKIE    0x63825363u
#define CORD_DHCP_FIXED_LEN       236u    /* op .. file, before the cookie */
#define CORD_DHCP_OPTIONS_OFFSET  240u    /* after the cookie */
#define CORD_DHCP_MIN_LEN         300u    /* BOOTP's minimum message (RFC 1542) */
#define CORD_DHCP_FLAG_BROADCAST  0x8000u

#define CORD_DHCP_OP_REQUEST      1u
#define CORD_DHCP_OP_REPLY        2u

#define CORD_DHCP_OPT_PAD         0u
#define CORD_DHCP_OPT_MASK        1u
#define CORD_DHCP_OPT_ROUTER      3u
#define CORD_DHCP_OPT_DNS         6u
#define CORD_DHCP_OPT_HOSTNAME    12u
#define CORD_DHCP_OPT_DOMAIN      15u
#define CORD_DHCP_OPT_REQUESTED   50u
#define CORD_DHCP_OPT_LEASE_TIME  51u
#define CORD_DHCP_OPT_MSG_TYPE    53u
#define CORD_DHCP_OPT_SERVER_ID   54u
#define CORD_DHCP_OPT_PARAMS      55u
#define CORD_DHCP_OPT_CLIENT_ID   61u
#define CORD_DHCP_OPT_END         255u

#define CORD_DHCP_DISCOVER        1u
#define CORD_DHCP_OFFER           2u
#define CORD_DHCP_REQUEST         3u
#define CORD_DHCP_DECLINE         4u
#define CORD_DHCP_ACK             5u
#define CORD_DHCP_NAK             6u
#define CORD_DHCP_RELEASE         7u

/* How many DISCOVERs (and then REQUESTs) the client sends before it gives
 * up, and the virtual time it waits after each. Windows backs off over a
 * minute; these keep the whole attempt near Packet Tracer's few seconds. */
#define CORD_DHCP_TRIES           4u
#define CORD_DHCP_WAITS_S         { 1, 2, 3, 4 }

/* APIPA (RFC 3927): 169.254.0.0/16. */
#define CORD_DHCP_APIPA_MASK      0xffff0000u

typedef enum {
  CORD_DHCP_BOUND,        /* an ACK came: its settings are the host's */
  CORD_DHCP_TIMEOUT,      /* no server answered: the host uses APIPA */
  CORD_DHCP_REFUSED,      /* the server sent a NAK: the host uses APIPA */
  CORD_DHCP_CANCELLED,    /* power off, static settings, release, sim gone */
} CordDhcpResult;

typedef void (*CordDhcpDoneFunc) (CordSim        *sim,
                                  CordDevice     *device,
                                  CordDhcpResult  result,
                                  gpointer        user_data);

/* Asks for a lease on @device's NIC: the host must be set to DHCP and be
 * powered. @done (may be NULL) runs once, when the attempt ends. When an
 * attempt already runs, @done joins it instead of starting another.
 * The outcome is written to the topology's host settings with
 * cord_topology_store_host_ip(): the lease, or an APIPA address. */
gboolean  cord_dhcp_start        (CordSim           *sim,
                                  CordDevice        *device,
                                  CordDhcpDoneFunc   done,
                                  gpointer           user_data,
                                  GError           **error);
/* Drops every @done waiting with @user_data (its owner is going away);
 * the attempt goes on. */
void      cord_dhcp_forget       (CordSim           *sim,
                                  CordDevice        *device,
                                  gpointer           user_data);
gboolean  cord_dhcp_is_running   (CordSim           *sim,
                                  CordDevice        *device);
/* ipconfig /release: stops an attempt, sends DHCPRELEASE to the server of
 * the lease (if any) and leaves the host set to DHCP without an address. */
gboolean  cord_dhcp_release      (CordSim           *sim,
                                  CordDevice        *device,
                                  GError           **error);
/* The server of the current lease; 0 when there is none. */
guint32   cord_dhcp_get_server   (CordSim           *sim,
                                  CordDevice        *device);
/* The APIPA address a NIC with @mac picks: 169.254.X.Y from its last two
 * bytes, kept out of the reserved first and last /24. */
guint32   cord_dhcp_apipa_address (guint64           mac);

G_END_DECLS
