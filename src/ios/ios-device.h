/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The IOS state of one device that every console and vty session on it shares. */
#pragma once

#include <glib.h>

#include "sim.h"
#include "topology.h"

G_BEGIN_DECLS

/* IOS numbers its vty lines 0 to 15. */
#define CORD_IOS_MAX_VTY 16u

typedef enum {
  CORD_IOS_PLATFORM_ROUTER,
  CORD_IOS_PLATFORM_SWITCH,
} CordIosPlatform;

/* What a device has; commands flagged with a feature exist only where it is. */
typedef enum {
  CORD_IOS_FEATURE_AUX       = 1 << 0,  /* line aux 0 */
  CORD_IOS_FEATURE_ROUTING   = 1 << 1,
  CORD_IOS_FEATURE_SWITCHING = 1 << 2,
} CordIosFeatures;

/* The settings of one terminal line (line con 0, line vty N). */
typedef struct {
  char     *password;           /* cleartext, NULL when none is set */
  gboolean  password_encrypted; /* written as "password 7 …" */
  gboolean  login;
  guint     timeout_minutes;    /* exec-timeout, 10 0 by default */
  guint     timeout_seconds;
  gboolean  logging_synchronous;
} CordIosLine;

/* An interface type the IOS image knows, for IFNAME tokens and `interface ?`.
 * Lists end with an entry whose name is NULL. */
typedef struct {
  const char *name;             /* "FastEthernet" */
  const char *help;             /* "FastEthernet IEEE 802.3" */
} CordIosIfType;

typedef struct _CordIosDevice CordIosDevice;

/* Finds the interface @name stands for ("FastEthernet0/1", "Vlan1",
 * "GigabitEthernet0/0.10": always the full type name and the number), or
 * NULL when the device has none. Set by the layer that owns the ports. */
typedef gpointer (*CordIosInterfaceLookup) (CordIosDevice *ios,
                                            const char    *name,
                                            gpointer       user_data);

/* Fields are public so that command handlers read and change them directly;
 * they hold what `show running-config` is generated from. Create with
 * cord_ios_device_new(); it is reference counted. */
struct _CordIosDevice {
  CordSim             *sim;     /* borrowed; NULL when IOS runs without a network */
  CordDevice          *device;  /* borrowed; NULL likewise */
  CordIosPlatform      platform;
  guint                features;         /* CordIosFeatures */
  char                *version;          /* "12.2", for `version` in the config */
  char                *default_hostname; /* what `no hostname` goes back to */
  char                *hostname;
  char                *enable_secret;    /* MD5-crypt "$1$salt$hash", or NULL */
  char                *enable_password;  /* cleartext, or NULL */
  gboolean             enable_password_encrypted;
  gboolean             password_encryption; /* service password-encryption */
  char                *banner_motd;      /* the text between the delimiters, or NULL */
  gboolean             domain_lookup;
  CordIosLine          console;
  CordIosLine          aux;
  CordIosLine          vty[CORD_IOS_MAX_VTY];
  guint                n_vty;            /* lines that exist: 5 on routers, 16 on switches */
  const CordIosIfType *if_types;
  CordIosInterfaceLookup lookup_interface; /* NULL: no interface exists */
  gpointer             lookup_interface_data;
  GData               *data;             /* cord_ios_device_set_data() */
};

CordIosDevice *cord_ios_device_new         (CordIosPlatform  platform,
                                            CordSim         *sim,
                                            CordDevice      *device);
CordIosDevice *cord_ios_device_ref         (CordIosDevice   *ios);
void           cord_ios_device_unref       (CordIosDevice   *ios);

/* A place for the state later command tables keep per device (VLANs,
 * routing processes …), freed with @destroy when the device goes away. */
void           cord_ios_device_set_data    (CordIosDevice   *ios,
                                            const char      *key,
                                            gpointer         data,
                                            GDestroyNotify   destroy);
gpointer       cord_ios_device_get_data    (CordIosDevice   *ios,
                                            const char      *key);

/* Sets a line password or the enable password, encrypting it when
 * service password-encryption is on, as IOS does. */
void           cord_ios_line_set_password  (CordIosDevice   *ios,
                                            CordIosLine     *line,
                                            const char      *cleartext);
/* Resets @line to the defaults of a line that has never been configured. */
void           cord_ios_line_reset         (CordIosLine     *line,
                                            gboolean         login);

/* Passwords as IOS stores them. The MD5-crypt salt is fixed, as Packet
 * Tracer's is, so a running-config is the same on every run. */
char          *cord_ios_crypt_md5          (const char      *password,
                                            const char      *salt);
char          *cord_ios_crypt_secret       (const char      *password);
gboolean       cord_ios_crypt_is_md5       (const char      *text);
char          *cord_ios_type7_encode       (const char      *password);
/* Returns NULL when @text is not a valid type 7 string. */
char          *cord_ios_type7_decode       (const char      *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CordIosDevice, cord_ios_device_unref)

G_END_DECLS
