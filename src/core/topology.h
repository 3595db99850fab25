/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The topology model: devices, ports, links and notes, changed only through reversible edits. */
#pragma once

#include <glib-object.h>

#include "catalog.h"

G_BEGIN_DECLS

typedef enum {
  CORD_CABLE_STRAIGHT,
  CORD_CABLE_CROSS,
  CORD_CABLE_FIBER,
  CORD_CABLE_SERIAL_DCE,      /* the first end is DCE */
  CORD_CABLE_SERIAL_DTE,      /* the first end is DTE */
  CORD_CABLE_CONSOLE,
  CORD_CABLE_AUTO,            /* only as a request: resolved on connect */
} CordCable;

typedef enum {
  CORD_LINK_UP,
  CORD_LINK_DOWN,             /* a device is off (or later: shut down) */
  CORD_LINK_WRONG_CABLE,      /* right medium, wrong copper kind */
} CordLinkState;

typedef enum {
  CORD_DEVICE_CHANGED_POSITION = 1 << 0,
  CORD_DEVICE_CHANGED_NAME     = 1 << 1,
  CORD_DEVICE_CHANGED_POWER    = 1 << 2,
  CORD_DEVICE_CHANGED_MODULES  = 1 << 3,
  CORD_DEVICE_CHANGED_CONFIG   = 1 << 4,
  CORD_DEVICE_CHANGED_HOST     = 1 << 5,
} CordDeviceChange;

typedef enum {
  CORD_CONFIG_STARTUP,
  CORD_CONFIG_RUNNING,
  CORD_CONFIG_VLAN_DATABASE,    /* a switch's vlan.dat: kept across reloads */
} CordConfigKind;

typedef struct _CordTopology CordTopology;
typedef struct _CordDevice CordDevice;
typedef struct _CordPort   CordPort;
typedef struct _CordLink   CordLink;
typedef struct _CordNote   CordNote;

/* Runs configuration commands ("\n"-separated, read from global
 * configuration mode) on a running device. The topology knows nothing of
 * IOS: the layer that does installs one (the consoles do). Returns FALSE,
 * with @error saying why, when the device cannot take them or refuses a
 * line. */
typedef gboolean (*CordCommandRunner) (CordTopology  *topology,
                                       CordDevice    *device,
                                       const char    *commands,
                                       gpointer       user_data,
                                       GError       **error);

/* IPv4 settings of an end device, in host byte order; 0 means unset. */
typedef struct {
  gboolean dhcp;
  guint32  address;
  guint32  mask;
  guint32  gateway;
  guint32  dns;
} CordHostIp;

typedef struct {
  char                 *slot;
  const CordModuleSpec *module;
  const CordSlotSpec   *spec;       /* the slot it sits in */
  guint64               mac_base;   /* MAC of its first Ethernet port */
} CordInstalledModule;

/* The structs below are read-only for everything outside the topology:
 * change them through cord_topology_*() so that observers and undo see
 * every edit. */
struct _CordPort {
  CordDevice  *device;
  char        *name;         /* full IOS name */
  const char  *type;         /* interned: "FastEthernet" */
  const char  *slot;         /* slot id, or NULL for a built-in port */
  CordLink    *link;
  CordMedium   medium;
  guint        index;        /* position in device->ports */
  guint64      mac;          /* 48-bit MAC, 0 if the port has none */
  guint        switchport : 1;
  guint        mdix : 1;
  gpointer     sim;          /* state owned by the simulation */
};

struct _CordDevice {
  CordTopology        *topology;
  guint                id;
  char                *name;
  const CordModelSpec *model;
  double               x, y;
  gboolean             powered;
  guint64              mac_base;        /* first MAC of the built-in ports */
  GPtrArray           *ports;           /* CordPort*, built-ins then by slot */
  GArray              *modules;         /* CordInstalledModule, by slot order */
  char                *startup_config;  /* NULL when none was saved */
  char                *running_config;  /* NULL for devices without IOS */
  char                *vlan_database;   /* vlan.dat as commands, or NULL */
  CordHostIp           host;
  gpointer             sim;
};

struct _CordLink {
  guint          id;
  CordCable      cable;
  CordLinkState  state;
  CordPort      *ends[2];
  gpointer       sim;
};

struct _CordNote {
  guint   id;
  double  x, y;
  char   *text;
};

/* Everything needed to build a device as it was: what a lab file holds and
 * what undo needs to bring a removed device back. */
typedef struct {
  const char *slot;
  const char *module;
  guint64     mac_base;             /* 0: allocate */
} CordModuleState;

typedef struct {
  guint            id;              /* 0: allocate */
  const char      *model;
  const char      *name;            /* NULL: next free name */
  double           x, y;
  gboolean         powered;
  gboolean         default_modules; /* install the model's defaults */
  guint64          mac_base;        /* 0: allocate */
  CordModuleState *modules;
  guint            n_modules;
  const char      *startup_config;
  const char      *running_config;
  const char      *vlan_database;
  CordHostIp       host;
} CordDeviceState;

#define CORD_TYPE_TOPOLOGY (cord_topology_get_type ())
G_DECLARE_FINAL_TYPE (CordTopology, cord_topology, CORD, TOPOLOGY, GObject)

CordTopology *cord_topology_new               (CordCatalog     *catalog);
CordCatalog  *cord_topology_get_catalog       (CordTopology    *self);

/* Queries. */
guint         cord_topology_get_n_devices     (CordTopology    *self);
CordDevice   *cord_topology_get_device        (CordTopology    *self,
                                               guint            index);
CordDevice   *cord_topology_find_device       (CordTopology    *self,
                                               const char      *name);
CordDevice   *cord_topology_lookup_device     (CordTopology    *self,
                                               guint            id);
guint         cord_topology_get_n_links       (CordTopology    *self);
CordLink     *cord_topology_get_link          (CordTopology    *self,
                                               guint            index);
guint         cord_topology_get_n_notes       (CordTopology    *self);
CordNote     *cord_topology_get_note          (CordTopology    *self,
                                               guint            index);
char         *cord_topology_next_name         (CordTopology    *self,
                                               const CordModelSpec *model);

/* Edits. Each is one reversible operation, recorded for undo. */
CordDevice   *cord_topology_add_device        (CordTopology    *self,
                                               const char      *model,
                                               const char      *name,
                                               double           x,
                                               double           y,
                                               GError         **error);
CordDevice   *cord_topology_add_device_state  (CordTopology    *self,
                                               const CordDeviceState *state,
                                               GError         **error);
gboolean      cord_topology_remove_device     (CordTopology    *self,
                                               CordDevice      *device,
                                               GError         **error);
gboolean      cord_topology_move_device       (CordTopology    *self,
                                               CordDevice      *device,
                                               double           x,
                                               double           y,
                                               GError         **error);
gboolean      cord_topology_rename_device     (CordTopology    *self,
                                               CordDevice      *device,
                                               const char      *name,
                                               GError         **error);
gboolean      cord_topology_set_power         (CordTopology    *self,
                                               CordDevice      *device,
                                               gboolean         powered,
                                               GError         **error);
gboolean      cord_topology_insert_module     (CordTopology    *self,
                                               CordDevice      *device,
                                               const char      *slot,
                                               const char      *module,
                                               GError         **error);
gboolean      cord_topology_remove_module     (CordTopology    *self,
                                               CordDevice      *device,
                                               const char      *slot,
                                               GError         **error);
gboolean      cord_topology_set_config        (CordTopology    *self,
                                               CordDevice      *device,
                                               CordConfigKind   which,
                                               const char      *text,
                                               GError         **error);
/* Like cord_topology_set_config(), but not an edit: nothing is recorded
 * for undo and the lab is not marked modified (observers still get
 * device-changed). For keeping the stored texts in step with the running
 * devices before a save. */
gboolean      cord_topology_store_config      (CordTopology    *self,
                                               CordDevice      *device,
                                               CordConfigKind   which,
                                               const char      *text,
                                               GError         **error);
/* Runs @commands on @device through the command runner, as one undo
 * step called @label: undo runs @undo_commands (computed by the caller
 * from the state before), redo @commands again. Fails without a runner,
 * and when the runner fails; then the step is not recorded and
 * @undo_commands run to put back what the first lines changed. */
gboolean      cord_topology_configure         (CordTopology    *self,
                                               CordDevice      *device,
                                               const char      *commands,
                                               const char      *undo_commands,
                                               const char      *label,
                                               GError         **error);
void          cord_topology_set_command_runner (CordTopology   *self,
                                               CordCommandRunner runner,
                                               gpointer         user_data);
gboolean      cord_topology_set_host_ip       (CordTopology    *self,
                                               CordDevice      *device,
                                               const CordHostIp *host,
                                               GError         **error);
/* Like cord_topology_set_host_ip(), but not an edit: nothing is recorded
 * for undo and the lab is not marked modified (observers still get
 * device-changed). For what the network gives a host at run time: a DHCP
 * lease or an APIPA address, which a save then records as they are. */
gboolean      cord_topology_store_host_ip     (CordTopology    *self,
                                               CordDevice      *device,
                                               const CordHostIp *host,
                                               GError         **error);
CordLink     *cord_topology_connect           (CordTopology    *self,
                                               CordPort        *a,
                                               CordPort        *b,
                                               CordCable        cable,
                                               GError         **error);
gboolean      cord_topology_disconnect        (CordTopology    *self,
                                               CordLink        *link,
                                               GError         **error);
CordNote     *cord_topology_add_note          (CordTopology    *self,
                                               double           x,
                                               double           y,
                                               const char      *text,
                                               GError         **error);
gboolean      cord_topology_remove_note       (CordTopology    *self,
                                               CordNote        *note,
                                               GError         **error);
gboolean      cord_topology_edit_note         (CordTopology    *self,
                                               CordNote        *note,
                                               double           x,
                                               double           y,
                                               const char      *text,
                                               GError         **error);

/* Undo. Edits between begin and end undo as one step. */
void          cord_topology_begin_group       (CordTopology    *self,
                                               const char      *label);
void          cord_topology_end_group         (CordTopology    *self);
gboolean      cord_topology_can_undo          (CordTopology    *self);
gboolean      cord_topology_can_redo          (CordTopology    *self);
const char   *cord_topology_get_undo_label    (CordTopology    *self);
const char   *cord_topology_get_redo_label    (CordTopology    *self);
gboolean      cord_topology_undo              (CordTopology    *self,
                                               GError         **error);
gboolean      cord_topology_redo              (CordTopology    *self,
                                               GError         **error);
void          cord_topology_clear_history     (CordTopology    *self);
gboolean      cord_topology_is_modified       (CordTopology    *self);
void          cord_topology_mark_saved        (CordTopology    *self);

/* Devices and ports. */
CordPort     *cord_device_find_port           (CordDevice      *device,
                                               const char      *name);
/* MACs are allocated from Cisco's 0001.42 block, one per Ethernet port. */
#define CORD_MAC_OUI G_GUINT64_CONSTANT (0x000142000000)
gboolean      cord_port_has_mac               (const CordPort  *port);
void          cord_mac_to_bytes               (guint64          mac,
                                               guint8           bytes[6]);
char         *cord_mac_format                 (guint64          mac);
gboolean      cord_mac_parse                  (const char      *str,
                                               guint64         *mac);
const CordInstalledModule *cord_device_get_module (CordDevice  *device,
                                               const char      *slot);
/* Every slot the device has now: the model's, then module sub-slots. */
GPtrArray    *cord_device_list_slots          (CordDevice      *device);
CordPort     *cord_link_get_peer              (CordLink        *link,
                                               CordPort        *port);

/* Cables. */
const char   *cord_cable_to_string            (CordCable        cable);
gboolean      cord_cable_from_string          (const char      *str,
                                               CordCable       *cable);
const char   *cord_cable_label                (CordCable        cable);
/* Resolves CORD_CABLE_AUTO the way Packet Tracer's automatic connection
 * does, or checks that @cable fits both ports' media. */
gboolean      cord_cable_resolve              (CordCable        cable,
                                               const CordPort  *a,
                                               const CordPort  *b,
                                               CordCable       *resolved,
                                               GError         **error);
/* Whether a resolved cable of the right medium is the right kind. */
gboolean      cord_cable_is_correct           (CordCable        cable,
                                               const CordPort  *a,
                                               const CordPort  *b);

gboolean      cord_name_is_valid              (const char      *name,
                                               GError         **error);

G_END_DECLS
