/* SPDX-License-Identifier: GPL-3.0-or-later */
/* End devices (PCs, laptops, servers): their NIC takes the lab's settings, and the IPv4 stack does the rest. */
#include "config.h"

#include "ip-private.h"

/* ---- End devices ------------------------------------------------------------ */

/* The NIC takes the lab's settings (CordDevice.host): address, mask and
 * the default gateway as a default route. Settings that are not a usable
 * interface address leave the NIC unaddressed. They survive power cycles:
 * they are part of the lab, not a running configuration. */
void
_cord_host_apply_settings (CordIpDev *ipdev)
{
  const CordHostIp *host;
  CordIpIf *nic;
  guint32 address, mask;

  g_assert (ipdev != NULL);

  host = &ipdev->sdev->device->host;
  /* Static settings end a DHCP attempt. */
  if (!host->dhcp)
    _cord_dhcp_stop (ipdev);
  address = host->address;
  mask = host->mask;
  if (!cord_ip_check_address (address, mask, NULL))
    address = mask = 0;
  nic = ipdev->ifs->len > 0 ? ipdev->ifs->pdata[0] : NULL;
  if (nic != NULL && (nic->address != address || nic->mask != mask))
    {
      _cord_ip_arp_flush_if (ipdev, nic);
      nic->address = address;
      nic->mask = mask;
    }
  ipdev->gateway = host->gateway;
  _cord_ip_refresh (ipdev);
}

static void
host_receive (CordSimDevice      *sdev,
              CordSimPort        *port,
              CordFrame          *frame,
              const CordL2Header *l2)
{
  _cord_ip_receive (_cord_ip_dev_get (sdev), port, frame, l2);
}

static void
host_port_changed (CordSimDevice *sdev,
                   CordSimPort   *port)
{
  _cord_ip_refresh (_cord_ip_dev_get (sdev));
}

static void
host_port_added (CordSimDevice *sdev,
                 CordSimPort   *port)
{
  CordIpDev *ipdev = _cord_ip_dev_get (sdev);

  /* A NIC put in later takes the settings at once. */
  if (port->ip == NULL)
    {
      _cord_ip_port_added (ipdev, port);
      if (port->ip != NULL)
        _cord_host_apply_settings (ipdev);
    }
}

static void
host_port_removed (CordSimDevice *sdev,
                   CordSimPort   *port)
{
  if (sdev->impl != NULL)
    _cord_ip_port_removed (sdev->impl, port);
}

static void
host_power_changed (CordSimDevice *sdev)
{
  CordIpDev *ipdev = _cord_ip_dev_get (sdev);

  _cord_ip_stop_all (ipdev);
  _cord_ip_refresh (ipdev);
}

static void
host_host_changed (CordSimDevice *sdev)
{
  _cord_host_apply_settings (_cord_ip_dev_get (sdev));
}

static void
host_free (CordSimDevice *sdev)
{
  _cord_ip_dev_free (sdev);
}

const CordSimDeviceOps _cord_host_ops = {
  .receive = host_receive,
  .port_changed = host_port_changed,
  .port_added = host_port_added,
  .port_removed = host_port_removed,
  .power_changed = host_power_changed,
  .host_changed = host_host_changed,
  .free = host_free,
};
