/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The contract between the sim runtime and the device behaviours (hub, switch, router, host). */
#pragma once

#include "pcap.h"
#include "sim.h"

G_BEGIN_DECLS

typedef struct _CordSimDevice CordSimDevice;
typedef struct _CordSimPort   CordSimPort;
typedef struct _CordSimWire   CordSimWire;

/* The decoded Ethernet header of a frame on an Ethernet port. */
typedef struct {
  CordMac  dst;
  CordMac  src;
  gboolean tagged;
  guint16  vid;          /* 0 when untagged */
  guint16  ethertype;    /* after the tag */
  guint16  offset;       /* first byte after the header (and tag) */
} CordL2Header;

/* What a kind of device does. The runtime calls these; every one is
 * optional except free. */
typedef struct {
  /* A frame arrived on @port, which is up, of a powered device. @frame is
   * borrowed: take a reference to keep it. @l2 is NULL on ports that do
   * not carry Ethernet (serial). */
  void (*receive)       (CordSimDevice      *dev,
                         CordSimPort        *port,
                         CordFrame          *frame,
                         const CordL2Header *l2);
  /* @port's line protocol changed (cord_sim_port_is_up). */
  void (*port_changed)  (CordSimDevice      *dev,
                         CordSimPort        *port);
  /* A port was created (device built, module inserted) or is about to be
   * destroyed; set up or free port->l2 and port->ip here. */
  void (*port_added)    (CordSimDevice      *dev,
                         CordSimPort        *port);
  void (*port_removed)  (CordSimDevice      *dev,
                         CordSimPort        *port);
  /* The device was powered off (forget all dynamic state: tables, timers,
   * sessions) or on (boot: the configuration goes back to factory
   * defaults; the IOS layer then replays the startup-config). Also called
   * once when the sim starts with the device already powered, after
   * port_added has been called for each of its ports. */
  void (*power_changed) (CordSimDevice      *dev);
  /* The topology's host settings (CordDevice.host) changed. */
  void (*host_changed)  (CordSimDevice      *dev);
  void (*free)          (CordSimDevice      *dev);
} CordSimDeviceOps;

struct _CordSimDevice {
  CordSim                *sim;
  CordDevice             *device;
  const CordSimDeviceOps *ops;
  GPtrArray              *ports;      /* CordSimPort*, owned here */
  gpointer                impl;       /* the behaviour's own state */
};

struct _CordSimPort {
  CordSimDevice    *dev;
  CordPort         *port;
  CordSimWire      *tx;               /* wire towards the peer, or NULL */
  gboolean          admin_up;         /* FALSE after `shutdown` */
  gboolean          line_up;          /* see cord_sim_port_is_up */
  CordPortCounters  counters;
  CordPcapWriter   *capture;
  gpointer          l2;               /* owned by the switching behaviour */
  gpointer          ip;               /* owned by the IP behaviour */
};

/* Behaviours, each in its own file. */
extern const CordSimDeviceOps _cord_hub_ops;
extern const CordSimDeviceOps _cord_switch_ops;   /* switches, bridges */
extern const CordSimDeviceOps _cord_router_ops;
extern const CordSimDeviceOps _cord_host_ops;

/* Sends @frame out of @port: it is queued for the wire (taking its own
 * reference) and arrives at the peer after serialisation and propagation.
 * Returns FALSE, counting an output drop, when the line is down or the
 * queue is full. */
gboolean       _cord_sim_port_send        (CordSimPort   *port,
                                           CordFrame     *frame);
void           _cord_sim_port_input_error (CordSimPort   *port);
void           _cord_sim_port_input_drop  (CordSimPort   *port);
CordSimPort   *_cord_sim_port_get         (CordPort      *port);
CordSimDevice *_cord_sim_device_get       (CordDevice    *device);
CordEngine    *_cord_sim_device_engine    (CordSimDevice *dev);
guint64        _cord_sim_now              (CordSimDevice *dev);
/* The MAC of @port as bytes. */
CordMac        _cord_sim_port_mac         (CordSimPort   *port);
/* Decodes the Ethernet header; FALSE for a runt or a bad tag. */
gboolean       _cord_sim_parse_l2         (const CordFrame *frame,
                                           CordL2Header    *l2);

/* Frames queued per direction of a wire before output drops begin. */
#define CORD_SIM_TX_QUEUE 64u

G_END_DECLS
